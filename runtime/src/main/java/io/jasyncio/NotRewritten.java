package io.jasyncio;

/** Builds the error for {@code await} reached in code the rewriter never saw. */
final class NotRewritten {
    private NotRewritten() {}

    static IllegalStateException at(String what) {
        StackTraceElement caller = StackWalker.getInstance()
                .walk(s -> s.filter(f -> !f.getClassName().startsWith("io.jasyncio.AsyncIO")
                                && !f.getClassName().equals(NotRewritten.class.getName()))
                        .findFirst()
                        .map(StackWalker.StackFrame::toStackTraceElement)
                        .orElse(null));
        String where = caller == null
                ? "unknown code"
                : caller.getClassName() + "." + caller.getMethodName()
                        + (caller.getFileName() != null
                                ? " (" + caller.getFileName() + ":" + caller.getLineNumber() + ")"
                                : "");
        return new IllegalStateException(what + "() called in " + where
                + ", which was not rewritten by jasyncio: annotate the method with @Async and enable the rewriter"
                + " (the jasyncio-maven-plugin 'instrument' goal, -javaagent:jasyncio-agent.jar,"
                + " or io.jasyncio.agent.AsyncAgent.install() before the class is loaded)");
    }
}
