package io.jasyncio.samples;

/**
 * One example: of SEED-EXAMPLES.md ({@code e01}…{@code e23}) or of the asyncio documentation
 * beyond it ({@code e24}…): its id (also the name of its expected-output file), a one-line title,
 * its class and its program's {@code main}.
 */
record Sample(String id, String title, Class<?> type, Program program) {

    /** A sample's {@code public static void main(String[])}. */
    @FunctionalInterface
    interface Program {
        void main(String[] args) throws Exception;
    }

    /** Its name: {@code E1} … {@code E23} as in the seed, then {@code E24} …. */
    String seedName() {
        return "E" + Integer.parseInt(id.substring(1));
    }

    /** The header the runner prints before the sample's output. */
    String header() {
        return "=== " + seedName() + ": " + title + " (" + type.getSimpleName() + ".java) ===";
    }
}
