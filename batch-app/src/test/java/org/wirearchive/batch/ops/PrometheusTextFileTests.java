package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.wirearchive.batch.ingest.IngestResult;
import org.wirearchive.batch.store.RunStore.RunCounts;

class PrometheusTextFileTests {

    @TempDir
    Path dir;

    static final Instant T1 = Instant.parse("2025-06-28T02:31:15.250Z");
    static final Instant T2 = Instant.parse("2025-06-29T02:40:00Z");

    static IngestResult result(BatchStatus status, LocalDate date) {
        RunCounts counts = new RunCounts(6, 4, 1, 1, 5, 6, 3, 1, 3, 2, 1);
        return new IngestResult(7, 12, date, status, false, counts, Path.of("/out"), Duration.ofMillis(1500),
                status == BatchStatus.COMPLETED ? null : "boom");
    }

    @Test
    @DisplayName("a completed run: every family with HELP and TYPE, counters, status, timestamps")
    void completed() throws IOException {
        Path file = dir.resolve("wirearchive.prom");
        PrometheusTextFile.write(file, result(BatchStatus.COMPLETED, LocalDate.of(2025, 6, 28)), T1);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("""
                # HELP wirearchive_last_run_status Status of the last ingest run: 1 for the status it ended in, 0 for the others.
                # TYPE wirearchive_last_run_status gauge
                wirearchive_last_run_status{status="COMPLETED"} 1
                wirearchive_last_run_status{status="STARTING"} 0
                """);
        assertThat(text).contains("wirearchive_last_run_status{status=\"FAILED\"} 0\n")
                .contains("wirearchive_last_run_info{run_date=\"2025-06-28\",run_id=\"7\",execution_id=\"12\",restarted=\"false\"} 1\n")
                .contains("# TYPE wirearchive_last_run_timestamp_seconds gauge\nwirearchive_last_run_timestamp_seconds 1751077875.250\n")
                .contains("\nwirearchive_last_success_timestamp_seconds 1751077875.250\n")
                .contains("\nwirearchive_run_duration_seconds 1.500\n")
                .contains("wirearchive_files_total{state=\"seen\"} 6\n")
                .contains("wirearchive_files_total{state=\"unchanged\"} 1\n")
                .contains("wirearchive_articles_total{kind=\"new\"} 3\nwirearchive_articles_total{kind=\"updated\"} 1\n")
                .contains("# TYPE wirearchive_duplicates_total gauge\nwirearchive_duplicates_total 2\n")
                .contains("wirearchive_rejects_total 1\n")
                .contains("wirearchive_inputs_total{status=\"accepted\"} 3\n");
        // every sample's family is declared once, before it, with HELP then TYPE
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("# TYPE ")) {
                assertThat(lines.get(i - 1)).startsWith("# HELP " + l.split(" ")[2] + " ");
            } else if (!l.startsWith("#")) {
                assertThat(l).matches("[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*})? -?[0-9.]+");
            }
        }
        assertThat(text.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2])).doesNotHaveDuplicates();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    @DisplayName("a failed run after a success: status FAILED, the last success kept from the old file, no temp file left")
    void failedKeepsLastSuccess() throws IOException {
        Path file = dir.resolve("wirearchive.prom");
        PrometheusTextFile.write(file, result(BatchStatus.COMPLETED, LocalDate.of(2025, 6, 28)), T1);
        PrometheusTextFile.write(file, result(BatchStatus.FAILED, LocalDate.of(2025, 6, 29)), T2);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("wirearchive_last_run_status{status=\"FAILED\"} 1\n")
                .contains("wirearchive_last_run_status{status=\"COMPLETED\"} 0\n")
                .contains("\nwirearchive_last_run_timestamp_seconds 1751164800\n")
                .contains("\nwirearchive_last_success_timestamp_seconds 1751077875.250\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wirearchive.prom");
        }
    }

    @Test
    @DisplayName("a failed first run: last success 0; label values are escaped")
    void neverSucceeded() throws IOException {
        Path file = dir.resolve("sub/dir/w.prom");
        PrometheusTextFile.write(file, result(BatchStatus.FAILED, LocalDate.of(2025, 6, 29)), T2);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("\nwirearchive_last_success_timestamp_seconds 0\n");
        assertThat(PrometheusTextFile.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    @DisplayName("Micrometer meters (Spring Batch's timers) are added as summaries with their tags as labels")
    void micrometer() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Timer.builder("spring.batch.job").description("Job duration").tags(List.of(Tag.of("spring.batch.job.name", "ingest"),
                Tag.of("spring.batch.job.status", "COMPLETED"))).register(registry).record(Duration.ofMillis(2500));
        registry.counter("spring.batch.job.launch.count").increment();
        Path file = dir.resolve("w.prom");
        PrometheusTextFile.write(file, result(BatchStatus.COMPLETED, LocalDate.of(2025, 6, 28)), T1, registry);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("# HELP spring_batch_job_seconds Job duration\n# TYPE spring_batch_job_seconds summary\n"
                        + "spring_batch_job_seconds_count{spring_batch_job_name=\"ingest\",spring_batch_job_status=\"COMPLETED\"} 1\n"
                        + "spring_batch_job_seconds_sum{spring_batch_job_name=\"ingest\",spring_batch_job_status=\"COMPLETED\"} 2.500\n")
                .contains("spring_batch_job_seconds_max{spring_batch_job_name=\"ingest\",spring_batch_job_status=\"COMPLETED\"} 2.500\n")
                .contains("# TYPE spring_batch_job_launch_count_total counter\nspring_batch_job_launch_count_total 1\n");
    }
}
