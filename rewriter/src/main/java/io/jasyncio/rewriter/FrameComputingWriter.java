package io.jasyncio.rewriter;

import org.objectweb.asm.ClassWriter;

/** Computes stack map frames with super classes taken from the {@link Hierarchy}, never by loading classes. */
final class FrameComputingWriter extends ClassWriter {
    private final Hierarchy hierarchy;

    FrameComputingWriter(Hierarchy hierarchy) {
        super(COMPUTE_FRAMES);
        this.hierarchy = hierarchy;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
