package io.jasyncio.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void noOptionsIsQuiet() {
        assertThat(AgentOptions.parse(null).verbose()).isFalse();
        assertThat(AgentOptions.parse("").verbose()).isFalse();
    }

    @Test
    void verboseIsRecognisedInAnyCaseAndList() {
        assertThat(AgentOptions.parse("verbose").verbose()).isTrue();
        assertThat(AgentOptions.parse(" , VERBOSE ").verbose()).isTrue();
    }

    @Test
    void unknownOptionIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> AgentOptions.parse("verbose,debug"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'debug'")
                .hasMessageContaining("known options: verbose");
    }
}
