import java.nio.file.Files

def log = new File(basedir, 'build.log').text
// First build, first pass: the @Async class is rewritten; second pass (non-incremental) finds nothing to do.
assert log.contains('jasyncio: rewrote 1 of 2 changed class files in target/classes') : log
assert log.contains('jasyncio: rewrote 0 of 2 changed class files in target/classes') : log
// Second build: javac compiled nothing, and the incremental pass says so.
assert log.contains('jasyncio: all 2 class files in target/classes are up to date, nothing to rewrite') : log

def classes = new File(basedir, 'target/classes')
def copy = new File(basedir, 'target/after-first')
def compared = 0
classes.eachFileRecurse { f ->
    if (f.name.endsWith('.class')) {
        def twin = new File(copy, classes.toPath().relativize(f.toPath()).toString())
        assert twin.isFile() : "no copy of ${f}"
        assert Arrays.equals(Files.readAllBytes(f.toPath()), Files.readAllBytes(twin.toPath())) : "${f} changed on the second pass"
        compared++
    }
}
assert compared == 2
return true
