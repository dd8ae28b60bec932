// The very source the agent module's tests run: one program for the plugin, -javaagent and install().
def source = new File(agentTestSources, 'example/Countdown.java')
def target = new File(basedir, 'src/main/java/example/Countdown.java')
target.parentFile.mkdirs()
target.text = source.text
return true
