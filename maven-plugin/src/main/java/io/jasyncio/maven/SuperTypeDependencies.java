package io.jasyncio.maven;

import io.jasyncio.rewriter.TypeHierarchy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The other types whose super types a rewrite asked about, and a digest of the answers: the
 * rewritten class is only valid while every answer stays the same (a dependency that now
 * extends another class changes the stack map frames of the classes that merge its values).
 */
final class SuperTypeDependencies {
    private SuperTypeDependencies() {}

    /** A hierarchy that remembers every type it is asked about. */
    static final class Recording implements TypeHierarchy {
        private final TypeHierarchy delegate;
        final Set<String> types = new TreeSet<>();

        Recording(TypeHierarchy delegate) {
            this.delegate = delegate;
        }

        @Override
        public String superName(String internalName) {
            types.add(internalName);
            return delegate.superName(internalName);
        }

        @Override
        public boolean isInterface(String internalName) {
            types.add(internalName);
            return delegate.isInterface(internalName);
        }

        @Override
        public List<String> interfaces(String internalName) {
            types.add(internalName);
            return delegate.interfaces(internalName);
        }
    }

    /** A digest of what {@code hierarchy} answers about {@code types} now (missing types included). */
    static String digest(Collection<String> types, TypeHierarchy hierarchy) {
        StringBuilder answers = new StringBuilder();
        for (String t : types) {
            answers.append(t).append('=');
            try {
                answers.append(hierarchy.superName(t))
                        .append(hierarchy.isInterface(t) ? " interface " : " class ")
                        .append(hierarchy.interfaces(t));
            } catch (RuntimeException e) {
                answers.append("missing");
            }
            answers.append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(answers.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                hex.append(String.format("%02x", hash[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
