package io.jasyncio.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keeps the serialization identity of a rewritten class. The default {@code serialVersionUID}
 * of a {@code Serializable} class is a hash of its members, which the rewrite changes (a
 * static initialiser, body methods); so a class without an explicit one gets its original
 * default value, computed from the original class file as the serialization specification
 * (section 4.6) and {@code ObjectStreamClass} do it, as a {@code private static final long}.
 */
final class SerialUid {
    static final String FIELD = "serialVersionUID";
    private static final int FIELD_MODS =
            ACC_PUBLIC | ACC_PRIVATE | ACC_PROTECTED | ACC_STATIC | ACC_FINAL | ACC_VOLATILE | ACC_TRANSIENT;
    private static final int METHOD_MODS = ACC_PUBLIC
            | ACC_PRIVATE
            | ACC_PROTECTED
            | ACC_STATIC
            | ACC_FINAL
            | ACC_SYNCHRONIZED
            | ACC_NATIVE
            | ACC_ABSTRACT
            | ACC_STRICT;

    private SerialUid() {}

    /** Adds the original default UID to {@code c} (not yet rewritten) when it needs one. */
    static void preserve(ClassNode c, Hierarchy hierarchy) {
        // Interfaces are never serialized by their own descriptor; enums and records have UID 0.
        if ((c.access & (ACC_INTERFACE | ACC_ENUM)) != 0
                || "java/lang/Record".equals(c.superName)
                || "java/lang/Enum".equals(c.superName)) {
            return;
        }
        for (FieldNode f : c.fields) {
            if (f.name.equals(FIELD)) {
                return;
            }
        }
        if (mayBeSerializable(c, hierarchy)) {
            c.fields.add(new FieldNode(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, FIELD, "J", null, defaultUid(c)));
        }
    }

    /** False only when the whole super type graph is known and has no {@code java.io.Serializable}. */
    private static boolean mayBeSerializable(ClassNode c, Hierarchy hierarchy) {
        Deque<String> work = new ArrayDeque<>(c.interfaces);
        if (c.superName != null) {
            work.add(c.superName);
        }
        Set<String> seen = new HashSet<>();
        try {
            while (!work.isEmpty()) {
                String t = work.poll();
                if (t.equals("java/io/Serializable")) {
                    return true;
                }
                if (t.equals(Names.OBJECT) || !seen.add(t)) {
                    continue;
                }
                List<String> interfaces = hierarchy.interfaces(t);
                if (interfaces == null) {
                    return true;
                }
                work.addAll(interfaces);
                String s = hierarchy.superName(t);
                if (s != null) {
                    work.add(s);
                }
            }
            return false;
        } catch (TypeHierarchy.TypeNotFoundException e) {
            return true; // an extra private constant is harmless; a changed UID is not
        }
    }

    /** {@code ObjectStreamClass.computeDefaultSUID}, on the class file instead of the loaded class. */
    static long defaultUid(ClassNode c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(c.name.replace('/', '.'));

            List<MethodNode> constructors = new ArrayList<>();
            List<MethodNode> methods = new ArrayList<>();
            boolean staticInitializer = false;
            for (MethodNode m : c.methods) {
                if (m.name.equals("<clinit>")) {
                    staticInitializer = true;
                } else if (m.name.equals("<init>")) {
                    constructors.add(m);
                } else {
                    methods.add(m);
                }
            }
            // Class.getModifiers() of a member class comes from its own InnerClasses entry.
            int access = c.access;
            for (InnerClassNode ic : c.innerClasses) {
                if (ic.name.equals(c.name)) {
                    access = ic.access;
                }
            }
            int classMods = access & (ACC_PUBLIC | ACC_FINAL | ACC_INTERFACE | ACC_ABSTRACT);
            if ((classMods & ACC_INTERFACE) != 0) {
                classMods = methods.isEmpty() ? classMods & ~ACC_ABSTRACT : classMods | ACC_ABSTRACT;
            }
            out.writeInt(classMods);

            List<String> interfaces = new ArrayList<>();
            for (String i : c.interfaces) {
                interfaces.add(i.replace('/', '.'));
            }
            interfaces.sort(null);
            for (String i : interfaces) {
                out.writeUTF(i);
            }

            List<FieldNode> fields = new ArrayList<>(c.fields);
            fields.sort(Comparator.comparing(f -> f.name));
            for (FieldNode f : fields) {
                int mods = f.access & FIELD_MODS;
                if ((mods & ACC_PRIVATE) == 0 || (mods & (ACC_STATIC | ACC_TRANSIENT)) == 0) {
                    out.writeUTF(f.name);
                    out.writeInt(mods);
                    out.writeUTF(f.desc);
                }
            }

            if (staticInitializer) {
                out.writeUTF("<clinit>");
                out.writeInt(ACC_STATIC);
                out.writeUTF("()V");
            }

            // The JVM ignores ACC_STRICT in class files of Java 17 (61) and newer.
            int methodMods = (c.version & 0xFFFF) >= V17 ? METHOD_MODS & ~ACC_STRICT : METHOD_MODS;
            constructors.sort(Comparator.comparing(m -> m.desc));
            for (MethodNode m : constructors) {
                int mods = m.access & methodMods;
                if ((mods & ACC_PRIVATE) == 0) {
                    out.writeUTF("<init>");
                    out.writeInt(mods);
                    out.writeUTF(m.desc.replace('/', '.'));
                }
            }
            methods.sort(Comparator.<MethodNode, String>comparing(m -> m.name).thenComparing(m -> m.desc));
            for (MethodNode m : methods) {
                int mods = m.access & methodMods;
                if ((mods & ACC_PRIVATE) == 0) {
                    out.writeUTF(m.name);
                    out.writeInt(mods);
                    out.writeUTF(m.desc.replace('/', '.'));
                }
            }
            out.flush();

            byte[] hash = MessageDigest.getInstance("SHA").digest(bytes.toByteArray());
            long uid = 0;
            for (int i = Math.min(hash.length, 8) - 1; i >= 0; i--) {
                uid = (uid << 8) | (hash[i] & 0xFF);
            }
            return uid;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }
}
