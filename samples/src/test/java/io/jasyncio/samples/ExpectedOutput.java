package io.jasyncio.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A sample's expected output, {@code expected/eNN.txt} on the test classpath, written by hand
 * from SEED-EXAMPLES.md. One line per printed line, {@code [t=<virtual seconds>] <text>}
 * ({@code [t=-]} for a line printed where no event loop runs), and {@code !! <exception>} for
 * an exception that ends the program. Lines starting with {@code #} and empty lines are
 * comments.
 */
final class ExpectedOutput {
    private ExpectedOutput() {
    }

    static String resource(String id) {
        return "/expected/" + id + ".txt";
    }

    static boolean exists(String id) {
        return ExpectedOutput.class.getResource(resource(id)) != null;
    }

    static List<String> of(String id) {
        try (InputStream in = ExpectedOutput.class.getResourceAsStream(resource(id))) {
            if (in == null) {
                throw new IllegalStateException("no expected output " + resource(id));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
