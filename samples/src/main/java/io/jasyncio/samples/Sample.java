package io.jasyncio.samples;

/**
 * One example of SEED-EXAMPLES.md: its id ({@code e01}…{@code e23}, also the name of its
 * expected-output file), a one-line title, its class and its program's {@code main}.
 */
record Sample(String id, String title, Class<?> type, Program program) {

    /** A sample's {@code public static void main(String[])}. */
    @FunctionalInterface
    interface Program {
        void main(String[] args) throws Exception;
    }

    /** The seed's name for it: {@code E1} … {@code E23}. */
    String seedName() {
        return "E" + Integer.parseInt(id.substring(1));
    }

    /** The header the runner prints before the sample's output. */
    String header() {
        return "=== " + seedName() + ": " + title + " (" + type.getSimpleName() + ".java) ===";
    }
}
