package org.wirearchive.batch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.Refusal;
import org.wirearchive.batch.ingest.IngestResult;
import org.wirearchive.batch.ops.JobDetail;
import org.wirearchive.batch.ops.JobSummary;
import org.wirearchive.batch.ops.JobsOperations;
import org.wirearchive.batch.ops.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobs}: the operator's view of the ingest job's executions, and what can be done to them. */
@Command(name = "jobs", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "List and inspect ingest executions; restart, stop, abandon or recover one. "
                + "Exit codes: 0 done, 1 refused (the reason is printed), 2 usage, 3 unknown id or database problem.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Restart.class,
            JobsCommand.Stop.class, JobsCommand.Abandon.class, JobsCommand.Recover.class})
public class JobsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, show, restart, stop, abandon or recover");
    }

    /**
     * Runs {@code action} on the operations bean inside the Boot application, then closes it. A database that does not
     * exist (a wrong --data) is refused with exit 3, and none is created.
     */
    static <T> T withOperations(DatabaseOptions db, Function<JobsOperations, T> action) {
        try (ConfigurableApplicationContext ctx = SpringContexts.startExisting(db, Map.of())) {
            return action.apply(ctx.getBean(JobsOperations.class));
        }
    }

    /** A Spring Batch start or end time (stored in UTC, see OperatorZone), in the operator's zone with its offset. */
    static String time(LocalDateTime t) {
        return OperatorZone.showStored(t);
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    @Command(name = "list", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "The latest executions, newest first: id, run, date, status, times, counts, failure reason.")
    static class ListJobs implements Callable<Integer> {

        @Option(names = "--status", paramLabel = "STATUS",
                description = "Only executions in this status: ${COMPLETION-CANDIDATES}.")
        BatchStatus status;

        @Option(names = "--last", paramLabel = "N", defaultValue = "20",
                description = "How many executions to show (default: ${DEFAULT-VALUE}).")
        int last;

        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (last < 1) {
                throw new ParameterException(spec.commandLine(), "--last must be at least 1, not " + last);
            }
            var rows = withOperations(db, ops -> ops.list(status, last));
            PrintWriter out = spec.commandLine().getOut();
            if (rows.isEmpty()) {
                out.println("No ingest executions" + (status == null ? "" : " with status " + status) + ".");
                out.flush();
                return ExitCodes.OK;
            }
            TextTable t = new TextTable(">ID", ">RUN", "RUN DATE", ">ATT", "STATUS", "START", "END", ">FILES",
                    ">NEW", ">UPD", ">DUPS", ">REJECTS", "REASON");
            for (JobSummary s : rows) {
                boolean c = s.latest();
                t.row(s.executionId(), s.runId(), s.runDate(), s.attempt(), s.status(), time(s.start()), time(s.end()),
                        c ? s.files() : null, c ? s.articlesNew() : null, c ? s.articlesUpdated() : null,
                        c ? s.duplicates() : null, c ? s.rejects() : null, abbreviate(s.reason(), 100));
            }
            t.lines().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "One execution: its steps with read/write/skip/commit counts, the exit description, "
                    + "and the file the ingest step stopped at.")
    static class Show implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The execution id (see `jobs list`).")
        long id;

        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JobDetail d = withOperations(db, ops -> ops.show(id));
            JobSummary s = d.summary();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Execution %d of run %d (%s, attempt %d): %s%n", s.executionId(), s.runId(),
                    s.runDate(), s.attempt(), s.status());
            String took = s.start() != null && s.end() != null
                    ? String.format(Locale.ROOT, "  (%.1f s)", Duration.between(s.start(), s.end()).toMillis() / 1000.0)
                    : "";
            out.printf(Locale.ROOT, "  started  %s   ended %s%s%n", time(s.start()), time(s.end()), took);
            out.printf(Locale.ROOT, "  input    %s%n", d.input() == null ? "-" : d.input());
            out.printf(Locale.ROOT, "  out      %s%n", d.outDir() == null ? "-" : d.outDir());
            out.printf(Locale.ROOT, "  exit     %s%s%n", d.exitCode(),
                    d.exitDescription() == null ? "" : ": " + abbreviate(d.exitDescription(), 300));
            if (s.latest()) {
                out.printf(Locale.ROOT, "  run      %s files, %s new / %s updated articles, %s duplicates, %s rejects%n",
                        n(s.files()), n(s.articlesNew()), n(s.articlesUpdated()), n(s.duplicates()), n(s.rejects()));
            }
            if (s.reason() != null) {
                out.printf(Locale.ROOT, "  reason   %s%n", s.reason());
            }
            if (d.failingFile() != null) {
                var f = d.failingFile();
                out.printf(Locale.ROOT, "  stopped  at file %d of %d: %s%n", f.number(), f.total(), f.path());
                out.printf(Locale.ROOT, "           (not committed: the failing item is in the chunk of up to %d files "
                        + "from there; a restart reads on from it)%n", f.chunkSize());
            }
            out.println();
            TextTable t = new TextTable("STEP", "STATUS", ">READ", ">WRITE", ">FILTER", ">SKIP", ">COMMIT",
                    ">ROLLBACK", "START", "END", "EXIT");
            for (JobDetail.StepSummary st : d.steps()) {
                t.row(st.name(), st.status(), st.readCount(), st.writeCount(), st.filterCount(),
                        st.skipCount() == 0 ? "0" : st.skipCount() + " (r" + st.readSkips() + "/p" + st.processSkips()
                                + "/w" + st.writeSkips() + ")",
                        st.commitCount(), st.rollbackCount(), time(st.start()), time(st.end()), st.exitCode());
            }
            if (t.isEmpty()) {
                out.println("No step ran.");
            } else {
                t.lines().forEach(out::println);
            }
            for (JobDetail.StepSummary st : d.steps()) {
                if (st.exitDescription() != null && st.status() != BatchStatus.COMPLETED) {
                    out.printf(Locale.ROOT, "  %s: %s%n", st.name(), abbreviate(st.exitDescription(), 300));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String n(Integer i) {
            return i == null ? "-" : i.toString();
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "Restart the run of a FAILED or STOPPED execution from its last commit (same parameters, "
                    + "same lock as ingest); waits for it to end. Exit 0 if it COMPLETED.")
    static class Restart implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The execution id (see `jobs list`).")
        long id;

        @Option(names = "--metrics-file", paramLabel = "PATH",
                description = "Write the restarted run's metrics there, as ingest --metrics-file does (also when the "
                        + "restart is refused).")
        java.nio.file.Path metricsFile;

        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SignalStop stop = SignalStop.install("the restart of execution " + id); // SIGTERM/SIGINT: as for ingest
            IngestResult r;
            try (ConfigurableApplicationContext ctx = SpringContexts.startExisting(db, Map.of())) {
                JobsOperations ops = ctx.getBean(JobsOperations.class);
                stop.onStop(ops::stopOwnExecutions);
                try {
                    r = ops.restart(id);
                } catch (Refusal refused) {
                    writeMetrics(ctx, ExitCodes.of(refused.kind()), null);
                    throw refused;
                } catch (RuntimeException | Error e) {
                    writeMetrics(ctx, ExitCodes.INTERNAL, null);
                    throw e;
                }
                writeMetrics(ctx, r.status() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_FAILED, r);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Run %d for %s restarted as execution %d: %s in %.1f s%n", r.runId(), r.runDate(),
                    r.executionId(), r.status(), r.elapsed().toMillis() / 1000.0);
            if (r.status() != BatchStatus.COMPLETED) {
                out.printf(Locale.ROOT, "  failure: %s%n", r.failure() == null ? "(see the log file)" : r.failure());
            }
            out.flush();
            if (r.status() != BatchStatus.COMPLETED) { // the expected failure in one line on stderr, as ingest
                spec.commandLine().getErr().println(IngestCommand.failureLine(r));
            }
            return r.status() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_FAILED;
        }

        private void writeMetrics(ConfigurableApplicationContext ctx, int exit, IngestResult r) {
            if (metricsFile != null) {
                NightMetrics.write(spec.commandLine().getErr(), metricsFile, new org.wirearchive.batch.ops
                        .PrometheusTextFile.Night("jobs restart", r == null ? null : r.runDate(), exit, r),
                        NightMetrics.lastSuccess(ctx));
            }
        }
    }

    /** stop, abandon and recover: one action, one result line. */
    abstract static class OneLine implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The execution id (see `jobs list`).")
        long id;

        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Spec
        CommandSpec spec;

        abstract String apply(JobsOperations ops, long id);

        @Override
        public Integer call() {
            String line = withOperations(db, ops -> apply(ops, id));
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "Ask a running execution (in any process) to stop: Spring Batch 6 marks it STOPPED in the "
                    + "database at once; the running ingest commits the chunk it is in, then ends STOPPED. "
                    + "Restart it later. An execution no process runs (a crash) is STOPPED and restartable at once.")
    static class Stop extends OneLine {
        @Override
        String apply(JobsOperations ops, long id) {
            return ops.stop(id);
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "Mark a FAILED or STOPPED execution ABANDONED: its run will not be restarted "
                    + "(`ingest --force` starts a new run for that date).")
    static class Abandon extends OneLine {
        @Override
        String apply(JobsOperations ops, long id) {
            return ops.abandon(id);
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "Mark an execution left STARTED by a crash (kill -9, power loss) FAILED so that its run can "
                    + "restart. Refused while a live ingest runs it.")
    static class Recover extends OneLine {
        @Override
        String apply(JobsOperations ops, long id) {
            return ops.recover(id);
        }
    }
}
