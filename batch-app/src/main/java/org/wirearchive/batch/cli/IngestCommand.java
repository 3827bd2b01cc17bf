package org.wirearchive.batch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.Refusal;
import org.wirearchive.batch.ingest.EarlyWalk;
import org.wirearchive.batch.ingest.IngestRequest;
import org.wirearchive.batch.ingest.IngestResult;
import org.wirearchive.batch.ingest.IngestService;
import org.wirearchive.batch.ingest.RunSummaryJson;
import org.wirearchive.batch.ops.JobsOperations;
import org.wirearchive.batch.ops.PrometheusTextFile;
import org.wirearchive.core.format.InputPathException;
import org.wirearchive.core.format.InputTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ingest}: the nightly job. */
@Command(name = "ingest", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Read every file under the input directories, extract and deduplicate the articles into the "
                + "database, and write the run's reports. Rerunning a date whose run failed restarts it where it stopped.")
public class IngestCommand implements Callable<Integer> {

    @Option(names = {"--input", "-i"}, required = true, arity = "1..*", paramLabel = "PATH",
            description = "Input directories or files (repeatable); read recursively, in sorted order.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Base directory of the reports; a run writes into DIR/<run-date>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
            description = "The run's business date, its identity: rerunning a failed date restarts it (default: today "
                    + "in the zone the process runs in, TZ).")
    LocalDate runDate;

    @Option(names = "--force", description = "Run again a date that already completed (a new run; results are idempotent).")
    boolean force;

    @Option(names = "--full", description = "Process every input file, not only the files that are new or changed "
            + "since they were last processed (idempotent: the same rows and reports).")
    boolean full;

    @Option(names = "--recover", description = "If a crashed process left this date's run marked running, recover it "
            + "(mark it FAILED) and restart it from its last commit.")
    boolean recover;

    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "Write the run's metrics in the Prometheus text format to PATH (node_exporter textfile collector).")
    Path metricsFile;

    @Option(names = "--excel", description = "Write CSV reports with a UTF-8 byte-order mark, for Excel.")
    boolean excel;

    @Option(names = "--allow-empty", description = "Run even when the inputs hold no file to read (by default an empty "
            + "input, such as an unmounted share, is refused with exit 3).")
    boolean allowEmpty;

    @Option(names = "--max-input-mb", defaultValue = "20", paramLabel = "MB",
            description = "Reject an input (a file, or an entry of a container) larger than this, uncompressed, as "
                    + "too-large (default: ${DEFAULT-VALUE}).")
    long maxInputMb;

    /** Which rows the run's reports hold. */
    enum ReportScope { STORE, RUN }

    @Option(names = "--report-scope", defaultValue = "STORE", paramLabel = "STORE|RUN",
            description = "STORE: the run's reports show the whole article store (default); RUN: only the rows this "
                    + "run added or changed (small reports for incremental nights).")
    ReportScope reportScope;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    RemoteManagerOptions remote = new RemoteManagerOptions();

    @Spec
    CommandSpec spec;

    /** Whether the metrics file was written for this invocation (it is written once, on whichever path it ends). */
    private boolean metricsWritten;

    @Override
    public Integer call() {
        try {
            return ingest();
        } catch (UserError u) {
            writeMetrics(u.exitCode(), null, null);
            throw u;
        } catch (Refusal r) {
            writeMetrics(ExitCodes.of(r.kind()), null, null);
            throw r;
        } catch (RuntimeException | Error e) {
            writeMetrics(ExitCodes.INTERNAL, null, null);
            throw e;
        }
    }

    /** The run date: {@code --run-date}, else today in the operator's zone (the zone the process was started in). */
    private LocalDate runDate() {
        return runDate != null ? runDate : LocalDate.now(OperatorZone.get());
    }

    /**
     * A usage error found by the command-line parser: the metrics file is written too if {@code --metrics-file} was
     * parsed before it.
     */
    void usageError() {
        writeMetrics(ExitCodes.USAGE, null, null);
    }

    private void writeMetrics(int exit, IngestResult result, ConfigurableApplicationContext ctx) {
        if (metricsFile == null || metricsWritten) {
            return;
        }
        metricsWritten = true;
        LocalDate date;
        try {
            date = runDate();
        } catch (RuntimeException e) {
            date = null;
        }
        NightMetrics.write(spec.commandLine().getErr(), metricsFile,
                new PrometheusTextFile.Night("ingest", date, exit, result),
                ctx != null ? NightMetrics.lastSuccess(ctx) : NightMetrics.lastSuccess(db));
    }

    private Integer ingest() {
        LocalDate date = runDate();
        Path runOut = out.resolve(date.toString()).toAbsolutePath().normalize();
        requireInputFiles(inputs, allowEmpty, out, db.dataDir());
        requireWritableDirectory(runOut);
        if (maxInputMb <= 0) {
            throw new UserError(ExitCodes.USAGE, "--max-input-mb must be positive: " + maxInputMb);
        }
        Map<String, Object> props = new HashMap<>(remote.springProperties()); // --workers remote: a manager
        props.putAll(Map.of("wirearchive.report-scope", reportScope.name(), "wirearchive.max-input-mb", maxInputMb));
        // SIGTERM / SIGINT: the night stops at its next chunk boundary (STOPPED) and is reported below, exit 1
        SignalStop stop = SignalStop.install("the ingest of " + date);
        EarlyWalk.begin(inputs, runOut, db.dataDir()); // the freeze's listing, made while the application starts
        try (ConfigurableApplicationContext ctx = SpringContexts.start(db, props);
             RemoteManagerOptions.Broker broker = remote.openBroker(db.dataDir())) {
            if (stop.signalled()) {
                throw new UserError(ExitCodes.JOB_FAILED, "stopped by a signal before the run started: nothing was done");
            }
            stop.onStop(ctx.getBean(JobsOperations.class)::stopOwnExecutions);
            IngestResult result;
            try {
                result = ctx.getBean(IngestService.class)
                        .ingest(new IngestRequest(inputs, runOut, date, force, excel, full, recover));
            } catch (Refusal r) {
                // while the database is open: the last success is read there
                writeMetrics(ExitCodes.of(r.kind()), null, ctx);
                throw r;
            } catch (RuntimeException | Error e) {
                writeMetrics(ExitCodes.INTERNAL, null, ctx);
                throw e;
            }
            int exit = result.status() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_FAILED;
            String zone = runDate == null ? OperatorZone.get().getId() : null;
            printSummary(spec.commandLine().getOut(), result, zone);
            if (result.status() != BatchStatus.COMPLETED) {
                // the expected failure in one line on stderr (the trace, if any, is in the log file)
                spec.commandLine().getErr().println(failureLine(result));
            }
            try {
                RunSummaryJson.write(runOut, result, exit, zone);
            } catch (IOException e) {
                spec.commandLine().getErr().println("wirearchive: could not write " + runOut.resolve("summary.json")
                        + ": " + e.getMessage());
            }
            writeMetrics(exit, result, ctx);
            return exit;
        } finally {
            EarlyWalk.discard(); // not taken by a night that did not freeze (refused, restarted, stopped)
        }
    }

    /**
     * Refuses (exit 3) inputs that hold no file to read (an unmounted share, a wrong path), unless {@code allowEmpty}:
     * the same rules as the run's listing (hidden files, the output and data directories are not inputs).
     */
    static void requireInputFiles(List<Path> inputs, boolean allowEmpty, Path out, Path dataDir) {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new UserError(ExitCodes.ENVIRONMENT, "input path does not exist: " + input.toAbsolutePath().normalize());
            }
            if (!Files.isReadable(input)) {
                throw new UserError(ExitCodes.ENVIRONMENT, "input path is not readable: " + input.toAbsolutePath().normalize());
            }
        }
        if (allowEmpty) {
            return;
        }
        List<Path> roots = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        boolean any;
        try {
            any = InputTree.hasFiles(roots, List.of(out.toAbsolutePath().normalize(), dataDir));
        } catch (InputPathException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, e.getMessage());
        }
        if (!any) {
            throw new UserError(ExitCodes.ENVIRONMENT, "no input file under " + roots.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", ")) + " (an unmounted share?); nothing was done. "
                    + "Use --allow-empty to run anyway.");
        }
    }

    /** {@code wirearchive: run N for DATE FAILED: reason}, on one line (a database message may hold line breaks). */
    static String failureLine(IngestResult r) {
        String line = "wirearchive: run " + r.runId() + " for " + r.runDate() + " " + r.status()
                + (r.failure() == null ? "" : ": " + r.failure());
        return line.replaceAll("\\s*\\R\\s*", " ");
    }

    static void requireWritableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            // named by the process (a temporary file's random name would initialise SecureRandom on the way)
            Path probe = dir.resolve(".write-test-" + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(probe); // left by an earlier process of the same number that was killed
            Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW).close();
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write to the output directory " + dir + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** The console summary; {@code zone} is the zone whose "today" made the run date, null if it was given. */
    private static void printSummary(PrintWriter out, IngestResult r, String zone) {
        var c = r.counts();
        out.printf("Run %d for %s %s%s in %.1f s (execution %d)%n", r.runId(), r.runDate(), r.status(),
                r.restarted() ? " (restarted)" : "", r.elapsed().toMillis() / 1000.0, r.executionId());
        out.printf("  run date     %s: %s%n", r.runDate(), zone == null ? "given by --run-date" : "today in " + zone);
        out.printf("  files        %d seen: %d new, %d changed, %d unchanged; %d to process%n", c.filesSeen(),
                c.filesNew(), c.filesChanged(), c.filesUnchanged(), c.filesProcessed());
        if (c.filesSkipped() > 0) {
            out.printf("  skipped      %d paths that are not inputs (hidden, dangling links, special files, reports, "
                    + "the output or data directory; the log names each)%n", c.filesSkipped());
        }
        out.printf("  inputs       %d (accepted %d, duplicates %d, rejected %d)%n", c.inputsRead(), c.accepted(),
                c.duplicates(), c.rejects());
        out.printf("  articles     %d new, %d updated%n", c.articlesNew(), c.articlesUpdated());
        if (r.status() == BatchStatus.COMPLETED) {
            out.printf("  reports      %s%n", r.outDir());
        } else {
            out.printf("  failure      %s%n", r.failure() == null ? "(see the log file)" : r.failure());
            out.printf("  rerun the same command to restart run %d where it stopped%n", r.runId());
        }
        out.flush();
    }
}
