package io.jasyncio.samples;

import static io.jasyncio.AsyncIO.isCoroutine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample, run on the virtual clock, prints exactly its hand-written expected output; this
 * is where the seed examples are asserted as a user writes them (@Async methods rewritten by the
 * Maven plugin). The check below covers what a sample's output cannot show.
 */
class SamplesTest {

    @TestFactory
    Stream<DynamicTest> everySamplePrintsItsExpectedOutput() {
        return Samples.ALL.stream()
                .map(sample ->
                        dynamicTest(sample.seedName() + " " + sample.type().getSimpleName(), () -> check(sample)));
    }

    static void check(Sample sample) {
        compare(sample, ExpectedOutput.of(sample.id()), SampleRun.of(sample));
    }

    /** Line by line, so a failure names the first line (text or virtual time) that differs. */
    static void compare(Sample sample, List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertThat(actual.get(i))
                    .as("%s line %d; whole output:%n%s", sample.seedName(), i + 1, String.join("\n", actual))
                    .matches(ExpectedOutput.pattern(expected.get(i)));
        }
        assertThat(actual).as("%s: number of lines", sample.seedName()).hasSameSizeAs(expected);
    }

    @Test
    void theSamplesAreTheSeedsExamplesInOrderThenTheDocumentations() {
        assertThat(Samples.ALL)
                .extracting(Sample::id)
                .startsWith(IntStream.rangeClosed(1, 23)
                        .mapToObj(n -> String.format("e%02d", n))
                        .toArray(String[]::new))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, Samples.ALL.size())
                        .mapToObj(n -> String.format("e%02d", n))
                        .toList());
        assertThat(Samples.ALL).allSatisfy(sample -> {
            assertThat(ExpectedOutput.exists(sample.id())).as(sample.id()).isTrue();
            assertThat(sample.type().getSimpleName()).startsWith(sample.id().toUpperCase(java.util.Locale.ROOT));
        });
    }

    @Test
    void aChangedVirtualTimeOrLineFailsTheComparison() {
        Sample e1 = Samples.ALL.get(0);
        List<String> actual = SampleRun.of(e1);
        compare(e1, ExpectedOutput.of("e01"), actual);

        List<String> laterWorld = new ArrayList<>(ExpectedOutput.of("e01"));
        laterWorld.set(1, "[t=2.000] world");
        assertThatThrownBy(() -> compare(e1, laterWorld, actual))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("line 2");

        List<String> otherText = new ArrayList<>(ExpectedOutput.of("e01"));
        otherText.set(0, "[t=0.000] hi");
        assertThatThrownBy(() -> compare(e1, otherText, actual)).isInstanceOf(AssertionError.class);

        List<String> wildcard = new ArrayList<>(ExpectedOutput.of("e01"));
        wildcard.set(1, "[t=1.000] w…d");
        compare(e1, wildcard, actual);
        wildcard.set(1, "[t=0.000] w…d");
        assertThatThrownBy(() -> compare(e1, wildcard, actual)).isInstanceOf(AssertionError.class);

        List<String> extraLine = new ArrayList<>(ExpectedOutput.of("e01"));
        extraLine.add("[t=1.000] !");
        assertThatThrownBy(() -> compare(e1, extraLine, actual)).isInstanceOf(AssertionError.class);
    }

    @Test
    void e02TheCoroutineObjectIsACoroutine() {
        // asyncio.iscoroutine(main()) is True; the golden output shows only its repr.
        assertThat(isCoroutine(E02CoroutineObject.main())).isTrue();
    }
}
