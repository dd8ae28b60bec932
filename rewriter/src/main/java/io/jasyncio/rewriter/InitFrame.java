package io.jasyncio.rewriter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/** A frame in which a constructor call turns every copy of its uninitialised object into an initialised one. */
final class InitFrame extends Frame<BasicValue> {
    InitFrame(int locals, int stack) {
        super(locals, stack);
    }

    InitFrame(Frame<? extends BasicValue> frame) {
        super(frame);
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
        BasicValue receiver = null;
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
            int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            receiver = getStack(getStackSize() - args - 1);
        }
        super.execute(insn, interpreter);
        if (receiver instanceof UninitValue) {
            BasicValue initialised = interpreter.newValue(receiver.getType());
            for (int i = 0; i < getLocals(); i++) {
                if (receiver.equals(getLocal(i))) {
                    setLocal(i, initialised);
                }
            }
            for (int i = 0; i < getStackSize(); i++) {
                if (receiver.equals(getStack(i))) {
                    setStack(i, initialised);
                }
            }
        }
    }
}
