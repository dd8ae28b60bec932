def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : log

// Lines marked in the source must be covered (or missed) in JaCoCo's XML report.
def source = new File(basedir, 'src/main/java/demo/Greeter.java').readLines()
def marked = [:]
source.eachWithIndex { line, i ->
    if (line.contains('// covered')) marked[i + 1] = true
    if (line.contains('// missed')) marked[i + 1] = false
}
def report = new File(basedir, 'target/site/jacoco/jacoco.xml').text
def lines = [:]
(report =~ /<sourcefile name="Greeter.java">(.*?)<\/sourcefile>/)[0][1].eachMatch(/<line nr="(\d+)" mi="(\d+)" ci="(\d+)"/) { all, nr, mi, ci ->
    lines[nr as int] = (ci as int) > 0
}
marked.each { nr, covered ->
    assert lines.containsKey(nr) : "line ${nr} is not in the report: ${lines}"
    assert lines[nr] == covered : "line ${nr} covered=${lines[nr]}, expected ${covered}"
}
return true
