package org.wirearchive.batch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.springframework.scheduling.support.CronExpression;
import org.wirearchive.batch.Refusal;
import org.wirearchive.batch.ingest.IngestRequest;
import org.wirearchive.batch.ingest.IngestResult;
import org.wirearchive.batch.ingest.IngestService;
import org.wirearchive.batch.ingest.RunSummaryJson;
import org.wirearchive.batch.ops.JobsOperations;
import org.wirearchive.batch.ops.NightlySchedule;
import org.wirearchive.batch.ops.NightlySchedule.Night;
import org.wirearchive.batch.ops.PrometheusTextFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code schedule}: a long-running process that runs the nightly ingest on a cron schedule. */
@Command(name = "schedule", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Run the nightly ingest on a cron schedule until stopped (SIGTERM / Ctrl-C): the run date is the "
                + "trigger's date; never two at once (the same lock as ingest); a failed night is logged and the "
                + "schedule goes on. On SIGTERM or SIGINT during a night, its execution is stopped at the next chunk "
                + "boundary (STOPPED, summary and metrics written: rerun the date to resume it) and the schedule exits 1; "
                + "idle, it exits 0.")
public class ScheduleCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    @Option(names = "--cron", required = true, paramLabel = "EXPR", converter = CronConverter.class,
            description = "Spring cron expression, six fields with seconds, e.g. \"0 30 2 * * *\" for 02:30 daily.")
    CronExpression cron;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the schedule and of the run dates "
            + "(default: the system's).")
    ZoneId zone;

    @Option(names = {"--input", "-i"}, required = true, arity = "1..*", paramLabel = "PATH",
            description = "Input directories or files (repeatable), as for ingest; checked at the start (exit 3) and "
                    + "at each night.")
    List<Path> inputs;

    @Option(names = "--allow-empty", description = "Run a night even when the inputs hold no file to read (by default "
            + "an empty input, such as an unmounted share, is refused: at the start with exit 3, at night as a "
            + "failed night).")
    boolean allowEmpty;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Base directory of the reports; a night writes into DIR/<run-date>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--excel", description = "Write CSV reports with a UTF-8 byte-order mark, for Excel.")
    boolean excel;

    @Option(names = "--full", description = "Process every file each night, not only new and changed ones.")
    boolean full;

    @Option(names = "--recover", description = "If a night's date was left running by a crashed process, recover and "
            + "restart it (as ingest --recover).")
    boolean recover;

    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "After each night, write its metrics there (Prometheus text format, for node_exporter's "
                    + "textfile collector: a *.prom file in its directory).")
    Path metricsFile;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "0",
            description = "Stop after N nights (0: never; for tests and demos). The exit code is then the last night's.")
    int maxRuns;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    /** Whether a stop request ended a night early (it is then STOPPED). */
    private volatile boolean nightCut;

    /** Parses a cron expression; a bad one is a usage error. */
    static class CronConverter implements ITypeConverter<CronExpression> {
        @Override
        public CronExpression convert(String value) {
            try {
                return CronExpression.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not a cron expression (six fields: second minute hour "
                        + "day-of-month month day-of-week): '" + value + "': " + e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        if (maxRuns < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-runs must be 0 or more");
        }
        ZoneId z = zone != null ? zone : OperatorZone.get(); // the zone it was started in (the JVM runs in UTC)
        // a wrong or unmounted input is said now, not at 02:30
        IngestCommand.requireInputFiles(inputs, allowEmpty, out, db.dataDir());
        IngestCommand.requireWritableDirectory(out.toAbsolutePath().normalize());
        PrintWriter stdout = spec.commandLine().getOut();
        NightlySchedule schedule = new NightlySchedule(cron, z, Clock.system(z));
        // SIGTERM / SIGINT: the schedule ends, a night in progress stops at its next chunk boundary (SignalStop)
        SignalStop stop = SignalStop.install("the schedule");
        stop.onStop(schedule::requestStop);
        try (ConfigurableApplicationContext ctx = SpringContexts.start(db,
                Map.of("spring.main.register-shutdown-hook", "false"))) {
            IngestService ingest = ctx.getBean(IngestService.class);
            JobsOperations ops = ctx.getBean(JobsOperations.class);
            stop.onStop(() -> {
                schedule.requestStop();
                ops.stopOwnExecutions();
            });
            stdout.printf(Locale.ROOT, "Schedule \"%s\" (%s): first night at %s%n", cron, z,
                    WHEN.format(schedule.next(java.time.ZonedDateTime.now(z))));
            stdout.flush();
            int exit = schedule.run(date -> night(ctx, ingest, date, schedule), maxRuns,
                    n -> {
                        stdout.printf(Locale.ROOT, "Night %s: exit %d: %s%n", n.runDate(), n.exitCode(), n.line());
                        stdout.flush();
                    },
                    fire -> log.info("Next night at {}", WHEN.format(fire)));
            if (schedule.stopRequested()) {
                // idle when stopped: 0; a night cut short by the stop (STOPPED, resumed by a rerun of its date): 1
                stdout.println(nightCut ? "Schedule stopped; the night in progress was stopped (STOPPED)."
                        : "Schedule stopped.");
                stdout.flush();
                return nightCut ? ExitCodes.JOB_FAILED : ExitCodes.OK;
            }
            stdout.println("Schedule ended after " + maxRuns + " night(s).");
            stdout.flush();
            return exit;
        }
    }

    private Night night(ConfigurableApplicationContext ctx, IngestService ingest, LocalDate date,
                        NightlySchedule schedule) {
        Night night;
        IngestResult[] result = new IngestResult[1];
        try {
            night = night(ingest, date, schedule, result);
        } catch (RuntimeException | Error e) {
            writeMetrics(ctx, date, ExitCodes.INTERNAL, null);
            throw e;
        }
        writeMetrics(ctx, date, night.exitCode(), result[0]);
        return night;
    }

    /** The metrics file after every night, a refused one included. */
    private void writeMetrics(ConfigurableApplicationContext ctx, LocalDate date, int exit, IngestResult r) {
        if (metricsFile != null) {
            NightMetrics.write(spec.commandLine().getErr(), metricsFile,
                    new PrometheusTextFile.Night("schedule", date, exit, r), NightMetrics.lastSuccess(ctx));
        }
    }

    private Night night(IngestService ingest, LocalDate date, NightlySchedule schedule, IngestResult[] result) {
        Path runOut = out.resolve(date.toString()).toAbsolutePath().normalize();
        try {
            IngestCommand.requireInputFiles(inputs, allowEmpty, out, db.dataDir());
            IngestCommand.requireWritableDirectory(runOut);
            IngestResult r = ingest.ingest(new IngestRequest(inputs, runOut, date, false, excel, full, recover));
            result[0] = r;
            nightCut = schedule.stopRequested() && r.status() != BatchStatus.COMPLETED;
            int exit = r.status() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_FAILED;
            try {
                RunSummaryJson.write(runOut, r, exit);
            } catch (IOException e) {
                log.warn("Could not write {}: {}", runOut.resolve("summary.json"), e.getMessage());
            }
            var c = r.counts();
            String line = String.format(Locale.ROOT, "run %d, execution %d: %s%s in %.1f s; %d files, %d new / %d "
                            + "updated articles, %d duplicates, %d rejects%s", r.runId(), r.executionId(), r.status(),
                    r.restarted() ? " (restarted)" : "", r.elapsed().toMillis() / 1000.0, c.filesSeen(),
                    c.articlesNew(), c.articlesUpdated(), c.duplicates(), c.rejects(),
                    r.failure() == null ? "" : "; failure: " + r.failure());
            return new Night(date, exit, line);
        } catch (UserError u) {
            return new Night(date, u.exitCode(), u.getMessage());
        } catch (Refusal r) {
            return new Night(date, ExitCodes.of(r.kind()), r.getMessage());
        }
    }
}
