// Bad class files reach target/classes as resources (copied before the plugin runs). They are made
// from a real @Async class of the agent's tests, so the plugin cannot pass them by as "no @Async".
def good = new File(agentTestClasses, 'example/Countdown.class').bytes
def resources = new File(basedir, 'src/main/resources/demo')
resources.mkdirs()
byte[] truncated = Arrays.copyOf(good, (int) (good.length * 0.6))
new File(resources, 'Truncated.class').bytes = truncated
byte[] future = good.clone()
future[6] = 0; future[7] = 99 // major version 99: a Java far newer than any rewriter knows
new File(resources, 'FromTheFuture.class').bytes = future
return true
