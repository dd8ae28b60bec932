package io.jasyncio.rewriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;

/**
 * The supplied {@link TypeHierarchy} plus the class being rewritten (which the supplied one may
 * not know yet), with the JVM verifier's notion of a common super class: interfaces merge to
 * {@code java/lang/Object}. Never loads a class.
 */
final class Hierarchy {
    private final TypeHierarchy types;
    private final String selfName;
    private final String selfSuper;
    private final boolean selfInterface;
    private final Map<String, String> superCache = new HashMap<>();
    private final Map<String, Boolean> interfaceCache = new HashMap<>();

    Hierarchy(TypeHierarchy types, String selfName, String selfSuper, int selfAccess) {
        this.types = types;
        this.selfName = selfName;
        this.selfSuper = selfSuper;
        this.selfInterface = (selfAccess & Opcodes.ACC_INTERFACE) != 0;
    }

    /** Super class, {@code java/lang/Object} for interfaces, null for Object itself. */
    String superName(String name) {
        if (name.equals(selfName)) {
            return selfSuper;
        }
        if (name.equals(Names.OBJECT)) {
            return null;
        }
        return superCache.computeIfAbsent(name, n -> {
            String s = types.superName(n);
            return s == null ? Names.OBJECT : s;
        });
    }

    boolean isInterface(String name) {
        if (name.equals(selfName)) {
            return selfInterface;
        }
        if (name.equals(Names.OBJECT)) {
            return false;
        }
        return interfaceCache.computeIfAbsent(name, types::isInterface);
    }

    /** Direct super interfaces of a type other than the one rewritten, null when not tracked. */
    List<String> interfaces(String name) {
        return types.interfaces(name);
    }

    /** The nearest common super class of two class (not array) types, as the verifier sees it. */
    String commonSuperClass(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.equals(Names.OBJECT) || b.equals(Names.OBJECT) || isInterface(a) || isInterface(b)) {
            return Names.OBJECT;
        }
        List<String> chain = new ArrayList<>();
        for (String t = a; t != null; t = superName(t)) {
            chain.add(t);
        }
        for (String t = b; t != null; t = superName(t)) {
            if (chain.contains(t)) {
                return t;
            }
        }
        return Names.OBJECT;
    }
}
