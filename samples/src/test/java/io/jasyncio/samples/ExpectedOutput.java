package io.jasyncio.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A sample's expected output, {@code expected/eNN.txt} on the test classpath, written by hand
 * from SEED-EXAMPLES.md. One line per printed line, {@code [t=<virtual seconds>] <text>}
 * ({@code [t=-]} for a line printed where no event loop runs), and {@code !! <exception>} for
 * an exception that ends the program. Lines starting with {@code #} and empty lines are
 * comments. An ellipsis {@code …} in a line stands for any text, as in the seed's
 * {@code <coroutine object main at …>}; use it only where the text is not the seed's (an
 * object's identity); never in a time stamp.
 */
final class ExpectedOutput {
    private ExpectedOutput() {}

    /** A stamped line (an exact time, or {@code -}), or an exception. */
    private static final Pattern LINE = Pattern.compile("\\[t=(\\d+\\.\\d{3}|-)\\] .*|!! .*");

    static String resource(String id) {
        return "/expected/" + id + ".txt";
    }

    static boolean exists(String id) {
        return ExpectedOutput.class.getResource(resource(id)) != null;
    }

    /** The regular expression an expected line stands for: literal, except {@code …}. */
    static Pattern pattern(String expectedLine) {
        StringBuilder regex = new StringBuilder();
        String[] parts = expectedLine.split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    static List<String> of(String id) {
        try (InputStream in = ExpectedOutput.class.getResourceAsStream(resource(id))) {
            if (in == null) {
                throw new IllegalStateException("no expected output " + resource(id));
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            for (String line : lines) {
                if (!LINE.matcher(line).matches()) {
                    throw new IllegalStateException(
                            resource(id) + ": not [t=<seconds>] text, [t=-] text" + " or !! exception: " + line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
