package io.jasyncio.tests.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

/** The leak check of the network tests sees sockets and pipes come and go (it could catch a leak). */
class OpenFilesTest {
    @Test
    void countsSocketsAndPipesWhileTheyAreOpen() throws Exception {
        int before = OpenFiles.count();
        assumeTrue(before >= 0, "no /proc/self/fd here");
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            Pipe pipe = Pipe.open();
            try {
                assertThat(OpenFiles.count()).isGreaterThanOrEqualTo(before + 3);
            } finally {
                pipe.source().close();
                pipe.sink().close();
            }
        }
        assertThat(OpenFiles.settledAtMost(before)).isLessThanOrEqualTo(before);
    }
}
