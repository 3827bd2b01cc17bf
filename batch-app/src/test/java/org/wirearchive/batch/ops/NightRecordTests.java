package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.Pages;

/**
 * What a night leaves behind for monitoring, in-process against a real H2 file database: the metrics file on every
 * exit path, run_summary.csv's duration and rate to the millisecond, and the log's lines for runs, refusals and
 * operator actions.
 */
class NightRecordTests extends OpsFixture {

    static final String DATE = "2025-06-28";

    Run ingestWithMetrics(String date, Path metrics, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "--input", archive.toString(), "--data",
                data.toString(), "--out", out.toString(), "--run-date", date, "--metrics-file", metrics.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    static String metric(String text, String sample) {
        return text.lines().filter(l -> l.startsWith(sample + " ")).map(l -> l.substring(sample.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + text));
    }

    String lastSuccessInDatabase() throws Exception {
        try (var c = connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT MAX(finished) FROM runs WHERE status = 'COMPLETED'")) {
            rs.next();
            return Long.toString(rs.getTimestamp(1).getTime());
        }
    }

    @Test
    @DisplayName("a refused night (exit 5, exit 3) rewrites the metrics file: not COMPLETED, its exit code, the last "
            + "success from the database; gauges are not named *_total")
    void refusedNightRewritesMetrics() throws Exception {
        Path metrics = tmp.resolve("textfile/wirearchive.prom");
        Run first = ingestWithMetrics(DATE, metrics);
        assertThat(first.exit()).as(first.toString()).isZero();
        String ok = Files.readString(metrics, StandardCharsets.UTF_8);
        assertThat(metric(ok, "wirearchive_last_run_status{status=\"COMPLETED\"}")).isEqualTo("1.0");
        double success = Double.parseDouble(metric(ok, "wirearchive_last_success_timestamp_seconds"));
        assertThat(Math.round(success * 1000)).isEqualTo(Long.parseLong(lastSuccessInDatabase()));

        Run again = ingestWithMetrics(DATE, metrics); // the date already completed: refused
        assertThat(again.exit()).as(again.toString()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        String refused = Files.readString(metrics, StandardCharsets.UTF_8);
        assertThat(metric(refused, "wirearchive_last_run_status{status=\"COMPLETED\"}")).isEqualTo("0.0");
        assertThat(metric(refused, "wirearchive_last_run_status{status=\"REFUSED\"}")).isEqualTo("1.0");
        assertThat(metric(refused, "wirearchive_last_run_exit_code")).isEqualTo("5.0");
        assertThat(Double.parseDouble(metric(refused, "wirearchive_last_success_timestamp_seconds"))).isEqualTo(success);

        // the old file said "never succeeded": the database knows better
        Files.writeString(metrics, "wirearchive_last_success_timestamp_seconds 0\n", StandardCharsets.UTF_8);
        Run missing = cli("ingest", "--input", tmp.resolve("no-such-dir").toString(), "--data", data.toString(),
                "--out", out.toString(), "--run-date", "2025-06-29", "--metrics-file", metrics.toString());
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        String env = Files.readString(metrics, StandardCharsets.UTF_8);
        assertThat(metric(env, "wirearchive_last_run_exit_code")).isEqualTo("3.0");
        assertThat(Double.parseDouble(metric(env, "wirearchive_last_success_timestamp_seconds"))).isEqualTo(success);

        // a usage error after --metrics-file was parsed
        Run usage = cli("ingest", "--metrics-file", metrics.toString(), "--data", data.toString(), "--input",
                archive.toString(), "--max-input-mb", "zero");
        assertThat(usage.exit()).as(usage.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(metric(Files.readString(metrics, StandardCharsets.UTF_8), "wirearchive_last_run_exit_code"))
                .isEqualTo("2.0");

        for (String text : List.of(ok, refused, env)) {
            assertThat(text.lines().filter(l -> l.startsWith("# TYPE ") && l.endsWith(" gauge")))
                    .isNotEmpty().noneMatch(l -> l.split(" ")[2].endsWith("_total"));
        }
        try (var files = Files.list(metrics.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wirearchive.prom");
        }
    }

    @Test
    @DisplayName("jobs restart writes the metrics file, refused or completed")
    void restartWritesMetrics() throws Exception {
        installPoisonTrigger();
        Pages.write(archive.resolve("2025-06-28/poison.txt"), "poison");
        Path metrics = tmp.resolve("w.prom");
        assertThat(ingestWithMetrics(DATE, metrics).exit()).isEqualTo(ExitCodes.JOB_FAILED);
        long failed = lastExecutionId();
        assertThat(metric(Files.readString(metrics), "wirearchive_last_run_status{status=\"FAILED\"}")).isEqualTo("1.0");
        dropPoisonTrigger();
        Run restart = jobs("restart", Long.toString(failed), "--metrics-file", metrics.toString());
        assertThat(restart.exit()).as(restart.toString()).isZero();
        String text = Files.readString(metrics);
        assertThat(metric(text, "wirearchive_last_run_status{status=\"COMPLETED\"}")).isEqualTo("1.0");
        assertThat(text).contains("command=\"jobs restart\"");
        Run again = jobs("restart", Long.toString(failed), "--metrics-file", metrics.toString());
        assertThat(again.exit()).as(again.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(metric(Files.readString(metrics), "wirearchive_last_run_exit_code")).isEqualTo("1.0");
    }

    static Map<String, String> runSummary(Path file) throws Exception {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(1);
            return rows.get(0).toMap();
        }
    }

    @Test
    @DisplayName("run_summary.csv: times to the millisecond in UTC, duration their difference, the rate of what the "
            + "execution read (a restart does not count what the failed execution had read)")
    void durationAndRateFromMilliseconds() throws Exception {
        installPoisonTrigger();
        Pages.write(archive.resolve("2025-06-28/poison.txt"), "poison");
        assertThat(ingest(DATE).exit()).isEqualTo(ExitCodes.JOB_FAILED);
        long failed = lastExecutionId();
        int readBefore = Integer.parseInt(one("SELECT COUNT(*) FROM sources"));
        assertThat(readBefore).as("the failed execution committed some inputs").isPositive();
        dropPoisonTrigger();
        Run restart = jobs("restart", Long.toString(failed));
        assertThat(restart.exit()).as(restart.toString()).isZero();

        Map<String, String> row = runSummary(out.resolve(DATE).resolve("run_summary.csv"));
        assertThat(row.get("started")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(row.get("finished")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        long ms = Duration.between(Instant.parse(row.get("started")), Instant.parse(row.get("finished"))).toMillis();
        assertThat(ms).isPositive();
        assertThat(new BigDecimal(row.get("duration_seconds"))).isEqualByComparingTo(BigDecimal.valueOf(ms, 3));
        int read = Integer.parseInt(row.get("inputs_read"));
        assertThat(read).isGreaterThan(readBefore);
        BigDecimal expected = BigDecimal.valueOf((read - readBefore) * 1000.0 / ms).setScale(2, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(row.get("inputs_per_second"))).isEqualByComparingTo(expected);
        assertThat(Files.readString(out.resolve(DATE).resolve("summary.json")))
                .contains("\"run_date_zone\": null");
    }

    @Test
    @DisplayName("the log has one greppable line for a run's start and end, a refusal and each operator action")
    void logLines() throws Exception {
        installPoisonTrigger();
        Pages.write(archive.resolve("2025-06-28/poison.txt"), "poison");
        assertThat(ingest(DATE).exit()).isEqualTo(ExitCodes.JOB_FAILED);
        long failed = lastExecutionId();
        assertThat(jobs("recover", Long.toString(failed)).exit()).isEqualTo(ExitCodes.JOB_FAILED); // refused
        assertThat(jobs("abandon", Long.toString(failed)).exit()).isZero();
        assertThat(ingest(DATE).exit()).isEqualTo(ExitCodes.ALREADY_COMPLETED); // abandoned: refused
        String log = Files.readString(data.resolve("logs/wirearchive.log"), StandardCharsets.UTF_8);
        assertThat(log.lines().filter(l -> l.contains("RUN START run=1 execution=" + failed + " date=" + DATE)))
                .hasSize(1);
        assertThat(log.lines().filter(l -> l.contains("RUN END run=1 execution=" + failed + " date=" + DATE
                + " status=FAILED"))).hasSize(1);
        assertThat(log.lines().filter(l -> l.contains("OPERATOR REFUSED: Execution " + failed))).hasSize(1);
        assertThat(log.lines().filter(l -> l.contains("OPERATOR abandon execution=" + failed + " run=1 date=" + DATE))).hasSize(1);
        assertThat(log.lines().filter(l -> l.contains("INGEST REFUSED exit=5 date=" + DATE)
                && l.contains("execution " + failed))).hasSize(1);
    }
}
