package io.jasyncio.samples;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An output stream that splits what is written into lines and stamps each line, when its
 * newline is written, with the time given by {@code clock}: {@code [t=1.000] hello}.
 * Writes may come from several threads (E7, E22), so it is synchronized.
 */
final class TimedLines extends OutputStream {
    private final Supplier<String> clock;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();

    TimedLines(Supplier<String> clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            endLine();
        } else {
            current.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    private void endLine() {
        String line = current.toString(StandardCharsets.UTF_8);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        lines.add("[t=" + clock.get() + "] " + line);
        current.reset();
    }

    /** The stamped lines; an unterminated last line counts as a line. */
    synchronized List<String> lines() {
        if (current.size() > 0) {
            endLine();
        }
        return List.copyOf(lines);
    }
}
