package io.jasyncio.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The runner's command line. */
class SamplesOptionsTest {

    @Test
    void noArgumentsRunsEverySampleOnRealTime() {
        Samples.Options options = Samples.Options.parse();
        assertThat(options.fast()).isFalse();
        assertThat(options.samples()).isEqualTo(Samples.ALL);
    }

    @Test
    void idsSelectSamplesInTheGivenOrder() {
        Samples.Options options = Samples.Options.parse("--fast", "e21", "E3", "e03");
        assertThat(options.fast()).isTrue();
        assertThat(options.samples()).extracting(Sample::id).containsExactly("e21", "e03", "e03");
    }

    @Test
    void anUnknownArgumentIsRefusedByName() {
        assertThatThrownBy(() -> Samples.Options.parse("e99"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e99");
        assertThatThrownBy(() -> Samples.Options.parse("-fast")).hasMessageContaining("-fast");
    }

    @Test
    void headersNameTheSeedExampleAndTheFile() {
        assertThat(Samples.ALL.get(20).header())
                .isEqualTo("=== E21: asCompleted: results in completion order (E21AsCompleted.java) ===");
    }

    @Test
    void helpListsEverySampleAndRunsNone() throws java.io.IOException {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Samples.main(new String[] {"--help"});
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("--fast", "e01  Coroutines", "e23  Cancelling a task")
                .doesNotContain("===");
    }
}
