package io.jasyncio.rewriter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/** Internal names and descriptors the rewriter matches and emits (see docs/REWRITER.md). */
final class Names {
    private Names() {}

    static final int CONTRACT_VERSION = 4;
    static final int OLDEST_VERSION = 52; // Java 8
    static final int NEWEST_VERSION = 69; // Java 25

    static final String ASYNC_DESC = "Lio/jasyncio/Async;";
    static final String ASYNCIO = "io/jasyncio/AsyncIO";
    static final String AWAIT = "await";
    static final String DONE = "done";
    static final String DONE_VALUE = "(Ljava/lang/Object;)Lio/jasyncio/Coroutine;";
    static final String DONE_VOID = "()Lio/jasyncio/Coroutine;";
    static final String COROUTINE_DESC = "Lio/jasyncio/Coroutine;";

    static final String FRAME = "io/jasyncio/internal/Frame";
    static final String FRAME_DESC = "Lio/jasyncio/internal/Frame;";
    static final String BODY = "io/jasyncio/internal/Frame$Body";
    static final String BODY_METHOD_DESC = "(Lio/jasyncio/internal/Frame;Lio/jasyncio/Task;)Ljava/lang/Object;";
    static final String FRAME_SITE = "io/jasyncio/internal/FrameSite";
    static final String CREATE_DESC = "(Lio/jasyncio/internal/FrameSite;II)Lio/jasyncio/internal/Frame;";
    static final String SITE_BOOTSTRAP_DESC =
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodHandle;Ljava/lang/String;)Ljava/lang/invoke/CallSite;";
    static final String AWAIT_DESC =
            "(Ljava/lang/Object;Lio/jasyncio/internal/Frame;Lio/jasyncio/Task;)Ljava/lang/Object;";
    static final String RESULT_DESC = "(Lio/jasyncio/internal/Frame;Lio/jasyncio/Task;)Ljava/lang/Object;";
    static final String CHECK_CONTRACT_DESC = "(ILjava/lang/String;)V";
    static final String REWRITTEN_DESC = "Lio/jasyncio/internal/Rewritten;";

    static final String OBJECT = "java/lang/Object";
    static final String OBJECT_DESC = "Ljava/lang/Object;";

    static boolean isAwait(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode m
                && m.getOpcode() == Opcodes.INVOKESTATIC
                && m.owner.equals(ASYNCIO)
                && m.name.equals(AWAIT)
                && Type.getArgumentTypes(m.desc).length == 1;
    }

    static boolean isDone(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode m
                && m.getOpcode() == Opcodes.INVOKESTATIC
                && m.owner.equals(ASYNCIO)
                && m.name.equals(DONE)
                && (m.desc.equals(DONE_VALUE) || m.desc.equals(DONE_VOID));
    }
}
