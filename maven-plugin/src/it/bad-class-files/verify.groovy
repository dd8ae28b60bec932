import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def sep = File.separator
assert log =~ /(?m)^\[ERROR\] .*target\/classes\/demo\/Truncated\.class: .+/ : log
assert log =~ /(?m)^\[ERROR\] .*target\/classes\/demo\/FromTheFuture\.class: .+/ : log
assert log.contains('jasyncio found 2 errors') : log
// No stack trace of ours: the message says it all.
assert !(log =~ /\tat io\.jasyncio\./) : log
['Truncated', 'FromTheFuture'].each { name ->
    def original = new File(basedir, "src/main/resources/demo/${name}.class").bytes
    def left = new File(basedir, "target/classes/demo/${name}.class").bytes
    assert Arrays.equals(original, left) : "${name}.class was changed"
}
return true
