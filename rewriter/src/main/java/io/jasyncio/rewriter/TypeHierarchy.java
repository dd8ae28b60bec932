package io.jasyncio.rewriter;

/**
 * Answers questions about classes other than the one being rewritten, for stack-map frame
 * computation, without loading them. Implementations read class bytes from a class path or
 * class loader resources.
 */
public interface TypeHierarchy {
    /**
     * @param internalName e.g. {@code java/lang/String}
     * @return its super class's internal name ({@code null} for {@code java/lang/Object} and
     *         interfaces are answered with {@code java/lang/Object}), or throw
     *         {@link TypeNotFoundException} when unknown
     */
    String superName(String internalName);

    /** Whether {@code internalName} is an interface; {@link TypeNotFoundException} when unknown. */
    boolean isInterface(String internalName);

    /**
     * The direct super interfaces of {@code internalName}, or null when this hierarchy does not
     * track them (the rewriter then assumes a class may be {@code Serializable});
     * {@link TypeNotFoundException} when the type is unknown.
     */
    default java.util.List<String> interfaces(String internalName) {
        return null;
    }

    /** Thrown when a type cannot be found; the rewriter reports it as a diagnostic. */
    final class TypeNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TypeNotFoundException(String internalName) {
            super("type not found on the class path: " + internalName.replace('/', '.'));
        }
    }
}
