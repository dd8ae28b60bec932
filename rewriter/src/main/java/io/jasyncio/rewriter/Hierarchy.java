package io.jasyncio.rewriter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private boolean knownInterface(String name) {
        try {
            return isInterface(name);
        } catch (TypeHierarchy.TypeNotFoundException e) {
            return false;
        }
    }

    /** Direct super interfaces of a type other than the one rewritten, null when not tracked. */
    List<String> interfaces(String name) {
        return types.interfaces(name);
    }

    /**
     * The nearest common super class of two class (not array) types, as the verifier sees it
     * (an interface's super class is {@code Object}, so interfaces merge to {@code Object}).
     * Both super class chains are walked one step at a time, in turn, and the first type seen on
     * both is the answer: only the types below the join are looked up. A type that cannot be
     * found stops its chain; it is reported only when the other chain ends without meeting it.
     */
    String commonSuperClass(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.equals(Names.OBJECT) || b.equals(Names.OBJECT)) {
            return Names.OBJECT;
        }
        Set<String> seenA = new HashSet<>();
        Set<String> seenB = new HashSet<>();
        seenA.add(a);
        seenB.add(b);
        String x = a;
        String y = b;
        TypeHierarchy.TypeNotFoundException missing = null;
        while (x != null || y != null) {
            if (x != null) {
                try {
                    x = superName(x);
                } catch (TypeHierarchy.TypeNotFoundException e) {
                    missing = e;
                    x = null;
                }
                if (x != null && (seenB.contains(x) || !seenA.add(x))) {
                    return seenB.contains(x) ? x : Names.OBJECT;
                }
            }
            if (y != null) {
                try {
                    y = superName(y);
                } catch (TypeHierarchy.TypeNotFoundException e) {
                    missing = e;
                    y = null;
                }
                if (y != null && (seenA.contains(y) || !seenB.add(y))) {
                    return seenA.contains(y) ? y : Names.OBJECT;
                }
            }
        }
        if (missing != null && !knownInterface(a) && !knownInterface(b)) {
            throw missing;
        }
        return Names.OBJECT;
    }
}
