/** jasyncio: Python asyncio's Coroutines and Tasks for Java. Zero dependencies. */
module io.jasyncio {
    exports io.jasyncio;
    /** For rewritten code only: the frame contract. */
    exports io.jasyncio.internal;
}
