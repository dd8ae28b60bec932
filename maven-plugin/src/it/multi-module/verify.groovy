def log = new File(basedir, 'build.log').text
// lib and app main classes, then app's test classes (with an @Async helper).
assert (log =~ /jasyncio: rewrote 1 of 1 changed class files in target\/classes/).size() == 2 : log
assert log.contains('jasyncio: rewrote 1 of 1 changed class files in target/test-classes') : log
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : log
return true
