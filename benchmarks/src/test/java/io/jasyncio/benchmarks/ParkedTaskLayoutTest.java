package io.jasyncio.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bytes of a parked task are a layout, not a timing: a field added to {@code Task}, to the
 * rewritten frame or per task in the loop shows here at once (objects are 8-byte aligned, so one
 * more 4-byte field often costs 8 bytes).
 */
class ParkedTaskLayoutTest {

    @Test
    void aTaskParkedOnASharedFutureCostsAtMost96Bytes() {
        System.setProperty("jol.magicFieldOffset", "true");
        // the heap a parked task adds: Task 48 + rewritten frame 40 + its callback entry 4 with
        // 12-byte headers and compressed references (JDK 17's and 25's defaults)
        assertThat(ParkedTaskLayout.bytesPerParkedTask(1024)).isLessThanOrEqualTo(96.0);
    }
}
