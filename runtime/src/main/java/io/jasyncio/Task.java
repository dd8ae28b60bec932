package io.jasyncio;

import java.io.PrintStream;
import java.util.List;

/** asyncio.Task: runs a coroutine on the loop. SKELETON: signatures fixed, bodies filled in by the runtime core. */
public class Task<T> extends Future<T> {
    Task() { super(); throw Future.todo(); }
    public String getName() { throw Future.todo(); }
    public void setName(String name) { throw Future.todo(); }
    public Coroutine<T> getCoro() { throw Future.todo(); }
    public List<StackTraceElement> getStack() { throw Future.todo(); }
    public List<StackTraceElement> getStack(int limit) { throw Future.todo(); }
    public void printStack() { throw Future.todo(); }
    public void printStack(int limit, PrintStream out) { throw Future.todo(); }
    public int cancelling() { throw Future.todo(); }
    public int uncancel() { throw Future.todo(); }
}
