package org.wirearchive.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The freeze's DEBUG line "start-up N s" (docs/BENCHMARKS.md measures the start-up with it): the time since the
 * process started, not up to a second more (the boot time in whole seconds that {@link ProcessHandle} adds).
 */
class StartUpLineTests {

    @Test
    void theTimeSinceTheProcessStartedIsTheJvmsUptimeAndTheLaunchBeforeIt() {
        long before = ManagementFactory.getRuntimeMXBean().getUptime();
        Duration up = FreezeInputsTasklet.sinceProcessStart();
        long after = ManagementFactory.getRuntimeMXBean().getUptime();

        assertThat(up).isNotNull();
        // the process starts before the JVM (here the test JVM is started directly: a few ms); 10 ms ticks
        assertThat(up.toMillis()).isGreaterThanOrEqualTo(before - 20).isLessThan(after + 500);
    }
}
