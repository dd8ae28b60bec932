/** jasyncio: Python asyncio's Coroutines and Tasks for Java. Zero dependencies. */
module io.jasyncio {
    /** The JFR events; without the jdk.jfr module they stay off. */
    requires static jdk.jfr;

    exports io.jasyncio;
    /** For rewritten code only: the frame contract. */
    exports io.jasyncio.internal;
}
