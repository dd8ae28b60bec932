// One program, three ways to enable jasyncio, one output.
def runtimeJar = new File(localRepositoryPath,
        "io/jasyncio/jasyncio-runtime/${projectVersion}/jasyncio-runtime-${projectVersion}.jar")
def java = new File(System.getProperty('java.home'), 'bin/java').path
def sep = File.pathSeparator

def run = { List<String> args ->
    def command = ([java, '-Xverify:all'] + args).collect { it.toString() }
    def process = new ProcessBuilder(command).directory(basedir).start()
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    return [process.exitValue(), out.toString(), err.toString()]
}

def expected = new File(basedir, 'expected.txt').text
def log = new File(basedir, 'build.log').text
assert log.contains('jasyncio: rewrote 1 of 1 changed class files in target/classes')

def byPlugin = run(['-cp', "${basedir}/target/classes${sep}${runtimeJar}", 'example.Countdown'])
assert byPlugin[0] == 0 : byPlugin
assert byPlugin[1] == expected : byPlugin

def unrewritten = "${agentTestClasses}${sep}${runtimeJar}"
def byAgent = run(["-javaagent:${agentJar}", '-cp', unrewritten, 'example.Countdown'])
assert byAgent[1] == expected : byAgent

def byInstall = run(['-XX:+EnableDynamicAgentLoading', '-cp', "${agentJar}${sep}${unrewritten}", 'example.InstallThenRun'])
assert byInstall[1] == expected : byInstall

// Classes the plugin rewrote, loaded under the agent: left as they are, not rewritten twice.
def both = run(["-javaagent:${agentJar}=verbose", '-cp', "${basedir}/target/classes${sep}${runtimeJar}", 'example.Countdown'])
assert both[1] == expected : both
assert both[2].contains('example.Countdown was already rewritten (by the Maven plugin): left as is') : both
assert !both[2].contains('jasyncio: rewrote example.Countdown') : both
return true
