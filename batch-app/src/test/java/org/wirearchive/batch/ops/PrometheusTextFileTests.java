package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.wirearchive.store.RunStore.RunCounts;

class PrometheusTextFileTests {

    @TempDir
    Path dir;

    static final Instant T1 = Instant.parse("2025-06-28T02:31:15.250Z");
    static final Instant T2 = Instant.parse("2025-06-29T02:40:00Z");

    static IngestResult result(BatchStatus status, LocalDate date) {
        RunCounts counts = new RunCounts(6, 4, 1, 1, 5, 6, 3, 1, 3, 2, 1);
        return new IngestResult(7, 12, date, status, false, counts, Path.of("/out"), Duration.ofMillis(1500),
                status == BatchStatus.COMPLETED ? null : "boom", 4);
    }

    static PrometheusTextFile.Night night(BatchStatus status, LocalDate date) {
        return new PrometheusTextFile.Night("ingest", date, status == BatchStatus.COMPLETED ? 0 : 1, result(status, date));
    }

    @Test
    @DisplayName("a completed run: every family with HELP and TYPE, status, exit code, timestamps, counts as gauges")
    void completed() throws IOException {
        Path file = dir.resolve("wirearchive.prom");
        PrometheusTextFile.write(file, night(BatchStatus.COMPLETED, LocalDate.of(2025, 6, 28)), T1, T1);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE wirearchive_last_run_status gauge\n")
                .contains("wirearchive_last_run_status{status=\"COMPLETED\"} 1.0\n")
                .contains("wirearchive_last_run_status{status=\"FAILED\"} 0.0\n")
                .contains("wirearchive_last_run_status{status=\"REFUSED\"} 0.0\n")
                .contains("wirearchive_last_run_exit_code 0.0\n")
                .contains("wirearchive_last_run_identity{command=\"ingest\",execution_id=\"12\",restarted=\"false\","
                        + "run_date=\"2025-06-28\",run_id=\"7\"} 1.0\n")
                .contains("wirearchive_last_run_timestamp_seconds 1.75107787525E9\n")
                .contains("wirearchive_last_success_timestamp_seconds 1.75107787525E9\n")
                .contains("wirearchive_run_duration_seconds 1.5\n")
                .contains("wirearchive_last_run_files{state=\"seen\"} 6.0\n")
                .contains("wirearchive_last_run_articles{kind=\"new\"} 3.0\n")
                .contains("wirearchive_last_run_duplicates 2.0\n")
                .contains("wirearchive_last_run_rejects 1.0\n")
                .contains("wirearchive_last_run_execution_inputs 4.0\n")
                .contains("wirearchive_last_run_inputs{status=\"accepted\"} 3.0\n");
        List<String> types = text.lines().filter(l -> l.startsWith("# TYPE ")).toList();
        assertThat(types).allMatch(l -> l.endsWith(" gauge")).noneMatch(l -> l.split(" ")[2].endsWith("_total"));
        assertThat(types.stream().map(l -> l.split(" ")[2])).doesNotHaveDuplicates();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    @DisplayName("a refused night: REFUSED, its exit code, the last success given (from the database), no counts")
    void refused() throws IOException {
        Path file = dir.resolve("wirearchive.prom");
        PrometheusTextFile.write(file, night(BatchStatus.COMPLETED, LocalDate.of(2025, 6, 28)), T1, T1);
        PrometheusTextFile.write(file, new PrometheusTextFile.Night("ingest", LocalDate.of(2025, 6, 29), 4, null), T2,
                T1);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("wirearchive_last_run_status{status=\"REFUSED\"} 1.0\n")
                .contains("wirearchive_last_run_status{status=\"COMPLETED\"} 0.0\n")
                .contains("wirearchive_last_run_exit_code 4.0\n")
                .contains("wirearchive_last_run_timestamp_seconds 1.7511648E9\n")
                .contains("wirearchive_last_success_timestamp_seconds 1.75107787525E9\n")
                .doesNotContain("wirearchive_last_run_files");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wirearchive.prom");
        }
    }

    @Test
    @DisplayName("no success known: 0; a label value with quotes and newlines is escaped")
    void neverSucceeded() throws IOException {
        Path file = dir.resolve("sub/dir/w.prom");
        PrometheusTextFile.write(file, new PrometheusTextFile.Night("a \"b\"\nc", null, 3, null), T2, null);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("wirearchive_last_success_timestamp_seconds 0.0\n")
                .contains("command=\"a \\\"b\\\"\\nc\"");
    }
}
