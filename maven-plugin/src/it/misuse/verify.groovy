def log = new File(basedir, 'build.log').text
// Both problems in one build, each as File.java:line: message.
assert log =~ /(?m)^\[ERROR\] Locked\.java:16: .+/ : log
assert log =~ /(?m)^\[ERROR\] NotAsync\.java:8: .+/ : log
assert log.contains('jasyncio found 2 errors') : log
// The classes concerned are left as javac wrote them.
assert !log.contains('jasyncio: rewrote 1') : log
return true
