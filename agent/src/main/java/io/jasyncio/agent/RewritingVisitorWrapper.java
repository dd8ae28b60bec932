package io.jasyncio.agent;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Plugs the rewriter into Byte Buddy's class-writing pipeline: the class Byte Buddy reads is
 * collected into bytes, run through {@link ClassRewrite}, and the result is replayed into Byte
 * Buddy's writer. The rewriter works on bytes with its own ASM, so the two ASM copies meet only
 * as class files.
 */
final class RewritingVisitorWrapper extends AsmVisitorWrapper.AbstractBase {
    private final ClassRewrite rewrite;
    private final ClassLoader loader;

    RewritingVisitorWrapper(ClassRewrite rewrite, ClassLoader loader) {
        this.rewrite = rewrite;
        this.loader = loader;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                             Implementation.Context implementationContext, TypePool typePool,
                             FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                             int writerFlags, int readerFlags) {
        return new Collector(classVisitor, instrumentedType.getInternalName());
    }

    private final class Collector extends ClassVisitor {
        private final ClassVisitor target;
        private final String internalName;

        Collector(ClassVisitor target, String internalName) {
            super(OpenedClassReader.ASM_API, new ClassWriter(0));
            this.target = target;
            this.internalName = internalName;
        }

        @Override
        public void visitEnd() {
            super.visitEnd();
            byte[] original = ((ClassWriter) cv).toByteArray();
            byte[] result = rewrite.apply(internalName, loader, original);
            OpenedClassReader.of(result).accept(target, 0);
        }
    }
}
