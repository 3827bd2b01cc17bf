package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wirearchive.batch.ExitCodes;

/** {@code schedule} with a cron that fires every second, bounded by --max-runs. */
class ScheduleCommandTests extends OpsFixture {

    static final String ZONE = "UTC";

    Run schedule(String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("schedule", "--cron", "* * * * * *", "--zone", ZONE,
                "--data", data.toString(), "--out", out.toString()));
        args.addAll(java.util.List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    @Timeout(120)
    @DisplayName("runs the ingest at the next firing, with the trigger's date, writes the metrics file, exit 0")
    void oneNight() throws Exception {
        var prom = tmp.resolve("metrics/wirearchive.prom");
        Run run = schedule("--input", archive.toString(), "--max-runs", "1", "--metrics-file", prom.toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.OK);
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        assertThat(run.out()).contains("Schedule \"* * * * * *\" (UTC): first night at ")
                .containsPattern("Night \\d{4}-\\d\\d-\\d\\d: exit 0: run \\d+, execution \\d+: COMPLETED")
                .contains("Schedule ended after 1 night(s).");
        String runDate = one("SELECT run_date FROM runs");
        assertThat(runDate).isIn(today.toString(), today.minusDays(1).toString()); // a run at midnight
        assertThat(one("SELECT status FROM runs")).isEqualTo("COMPLETED");
        assertThat(Files.readString(prom)).contains("wirearchive_last_run_status{status=\"COMPLETED\"} 1")
                .contains("run_date=\"" + runDate + "\"");
    }

    @Test
    @Timeout(120)
    @DisplayName("a failed night is reported and the schedule goes on; the next night of the same date is refused")
    void survivesFailedNights() throws Exception {
        // a store failure on one input (the poison trigger): the night fails, the next one restarts it and fails too
        installPoisonTrigger();
        org.wirearchive.batch.Pages.write(archive.resolve("2025-06-28/poison.txt"), "poison");
        Run run = schedule("--input", archive.toString(), "--max-runs", "2");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(run.out().lines().filter(l -> l.startsWith("Night ")))
                .hasSize(2).allMatch(l -> l.contains("exit 1: run 1, ") && l.contains("FAILED"));
        assertThat(run.out()).contains("Schedule ended after 2 night(s).");
        Files.delete(archive.resolve("2025-06-28/poison.txt"));
        dropPoisonTrigger();

        // a completed night, then the same date again within the same day: refused (exit 5), the schedule goes on
        var prom = tmp.resolve("metrics/wirearchive.prom");
        Run twice = schedule("--input", archive.toString(), "--max-runs", "2", "--metrics-file", prom.toString());
        var nights = twice.out().lines().filter(l -> l.startsWith("Night ")).toList();
        assertThat(nights).hasSize(2);
        assertThat(nights.get(0)).contains("exit 0:").contains("(restarted)");
        assertThat(nights.get(1)).matches("Night .*: exit 5: .*already completed.*");
        assertThat(twice.exit()).isEqualTo(ExitCodes.ALREADY_COMPLETED);
        assertThat(rows("SELECT status FROM runs")).containsExactly("COMPLETED");
        // the refused night rewrote the metrics file: not the completed night's status
        assertThat(Files.readString(prom)).contains("wirearchive_last_run_status{status=\"COMPLETED\"} 0")
                .contains("wirearchive_last_run_status{status=\"REFUSED\"} 1")
                .contains("wirearchive_last_run_exit_code 5");
    }

    @Test
    @DisplayName("a bad cron expression is a usage error, exit 2, one line")
    void badCron() {
        Run run = cli("schedule", "--cron", "30 2 * * *", "--input", archive.toString(), "--data", data.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not a cron expression");
    }
}
