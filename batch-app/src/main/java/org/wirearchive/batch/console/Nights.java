package org.wirearchive.batch.console;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.Refusal;
import org.wirearchive.batch.config.WirearchiveProperties;
import org.wirearchive.batch.ops.JobDetail;
import org.wirearchive.batch.ops.JobSummary;
import org.wirearchive.batch.ops.JobsOperations;
import org.wirearchive.batch.ops.LockProbe;
import org.wirearchive.store.IngestLockTable;
import org.wirearchive.store.ManifestTable;
import org.wirearchive.store.RunInputTable;
import org.wirearchive.store.RunStore;

/**
 * The console's view of the nights: {@link JobsOperations}' list and show (the data of {@code jobs list/show}), with
 * times given with their offset, crash detection, live progress, rejects, reports and log lines.
 */
@Service
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class Nights {

    static final Pattern RUN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern REPORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,100}");
    private static final int LOG_LINES = 200;
    private static final long LOG_BYTES = 8L << 20;

    private final JobsOperations ops;
    private final JdbcTemplate jdbc; // Spring Batch's own tables only (BATCH_*): the store owns the product's
    private final RunStore runs;
    private final RunInputTable runInputs;
    private final ManifestTable manifest;
    private final LockProbe lock;
    private final ConsoleSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    public Nights(JobsOperations ops, JdbcTemplate jdbc, RunStore runs, RunInputTable runInputs,
                  ManifestTable manifest, IngestLockTable lockTable, ConsoleSettings settings, Clock clock,
                  WirearchiveProperties properties) {
        long lockExpirySeconds = properties.lockExpirySeconds();
        this.ops = ops;
        this.jdbc = jdbc;
        this.runs = runs;
        this.runInputs = runInputs;
        this.manifest = manifest;
        this.lock = new LockProbe(lockTable, lockExpirySeconds);
        this.settings = settings;
        this.zone = ZoneId.systemDefault(); // the zone of the job repository's zone-less times (UTC, see OperatorZone)
        this.clock = clock;
    }

    /** The filter of the nights page and of {@code GET /api/executions}; every value may be null. */
    public record Filter(BatchStatus status, LocalDate from, LocalDate to, int last) {

        static Filter parse(String status, String from, String to, String last) {
            BatchStatus s = null;
            if (status != null && !status.isBlank()) {
                try {
                    s = BatchStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("status must be one of " + List.of(BatchStatus.values())
                            + ", not " + status);
                }
            }
            int n = 100;
            if (last != null && !last.isBlank()) {
                try {
                    n = Integer.parseInt(last.strip());
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > 10_000) {
                    throw ApiException.badRequest("last must be a number from 1 to 10000, not " + last);
                }
            }
            LocalDate f = date("from", from);
            LocalDate t = date("to", to);
            if (f != null && t != null && t.isBefore(f)) {
                throw ApiException.badRequest("to (" + t + ") is before from (" + f + ")");
            }
            return new Filter(s, f, t, n);
        }

        boolean accepts(JobSummary s) {
            return (status == null || s.status() == status)
                    && (from == null || (s.runDate() != null && !s.runDate().isBefore(from)))
                    && (to == null || (s.runDate() != null && !s.runDate().isAfter(to)));
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date YYYY-MM-DD, not " + value);
        }
    }

    /** The executions the filter accepts, newest first. */
    public List<Map<String, Object>> list(Filter filter) {
        boolean narrowed = filter.from() != null || filter.to() != null;
        List<JobSummary> rows = ops.list(filter.status(), narrowed ? 10_000 : filter.last());
        List<Map<String, Object>> out = new ArrayList<>();
        LockProbe.Holder holder = lock.current();
        for (JobSummary s : rows) {
            if (filter.accepts(s) && out.size() < filter.last()) {
                out.add(summary(s, holder));
            }
        }
        return out;
    }

    Map<String, Object> summary(JobSummary s, LockProbe.Holder holder) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.executionId());
        m.put("runId", s.runId());
        m.put("runDate", s.runDate() == null ? null : s.runDate().toString());
        m.put("attempt", s.attempt());
        m.put("status", s.status().name());
        boolean crashed = crashed(s.status(), s.executionId(), s.runDate(), holder);
        m.put("crashed", crashed);
        m.put("startTime", time(s.start()));
        m.put("endTime", time(s.end()));
        m.put("latest", s.latest());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("files", s.latest() ? s.files() : null);
        counts.put("articlesNew", s.latest() ? s.articlesNew() : null);
        counts.put("articlesUpdated", s.latest() ? s.articlesUpdated() : null);
        counts.put("duplicates", s.latest() ? s.duplicates() : null);
        counts.put("rejects", s.latest() ? s.rejects() : null);
        m.put("counts", counts);
        m.put("reason", s.reason());
        return m;
    }

    private boolean crashed(BatchStatus status, long executionId, LocalDate runDate, LockProbe.Holder holder) {
        if (!status.isRunning()) {
            return false;
        }
        LockProbe.Holder h = holder;
        if (h == null || !h.alive(LockProbe.hostName())) {
            return true;
        }
        return h.executionId() != null ? h.executionId() != executionId : !runDate.equals(h.runDate());
    }

    /** One execution: summary, steps, the file it stopped at, failure and trace, progress, partitions, reports. */
    public Map<String, Object> detail(long id) {
        JobDetail d;
        try {
            d = ops.show(id);
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw ApiException.notFound("no ingest job execution with id " + id);
            }
            throw e;
        }
        Map<String, Object> m = summary(d.summary(), lock.current());
        m.put("exitCode", d.exitCode());
        m.put("exitDescription", d.exitDescription());
        m.put("input", d.input());
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (JobDetail.StepSummary st : d.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", st.id());
            s.put("name", st.name());
            s.put("status", st.status().name());
            s.put("readCount", st.readCount());
            s.put("writeCount", st.writeCount());
            s.put("filterCount", st.filterCount());
            s.put("skipCount", st.skipCount());
            s.put("readSkipCount", st.readSkips());
            s.put("processSkipCount", st.processSkips());
            s.put("writeSkipCount", st.writeSkips());
            s.put("commitCount", st.commitCount());
            s.put("rollbackCount", st.rollbackCount());
            s.put("startTime", time(st.start()));
            s.put("endTime", time(st.end()));
            s.put("exitCode", st.exitCode());
            s.put("exitDescription", st.exitDescription());
            // a partition of a remote run is a step execution named step:partitionN
            (st.name().contains(":") ? partitions : steps).add(s);
        }
        m.put("steps", steps);
        m.put("partitions", partitions);
        JobDetail.FailingFile f = d.failingFile();
        if (f != null) {
            Map<String, Object> ff = new LinkedHashMap<>();
            ff.put("number", f.number());
            ff.put("total", f.total());
            ff.put("path", f.path());
            ff.put("chunkSize", f.chunkSize());
            m.put(d.summary().status().isRunning() && !(Boolean) m.get("crashed") ? "nextFile" : "stoppedAt", ff);
        }
        m.put("failure", failure(id));
        m.put("progress", progress(d, (Boolean) m.get("crashed")));
        m.put("reports", reports(d.runDate()));
        return m;
    }

    /** The failure with its stack trace, as Spring Batch stored it (execution, else the failed step's). */
    private Map<String, Object> failure(long id) {
        List<String> texts = jdbc.queryForList("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, id);
        String trace = texts.isEmpty() ? null : texts.get(0);
        if (trace == null || trace.isBlank()) {
            List<String> steps = jdbc.queryForList("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE "
                    + "JOB_EXECUTION_ID = ? AND EXIT_MESSAGE IS NOT NULL AND EXIT_MESSAGE <> '' ORDER BY STEP_EXECUTION_ID",
                    String.class, id);
            trace = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        }
        if (trace == null || trace.isBlank()) {
            return null;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("message", trace.strip().lines().findFirst().orElse(""));
        f.put("stackTrace", trace.strip());
        return f;
    }

    /** Files done of the run's list, files/s and inputs/s of this execution, ETA; null when the file step never ran. */
    Map<String, Object> progress(JobDetail d, boolean crashed) {
        JobDetail.StepSummary files = d.steps().stream().filter(s -> s.name().equals("ingestFiles")
                || s.name().equals("parseFiles") || s.name().equals("storeParsed")).reduce((a, b) -> b).orElse(null);
        if (files == null) {
            return null;
        }
        // files committed: the reader's saved count, or the manifest rows this run wrote (a restart's first chunk has
        // not saved the reader's count yet)
        int total = runInputs.count(d.summary().runId());
        int stored = manifest.countOfRun(d.summary().runId());
        int done = files.status() == BatchStatus.COMPLETED ? total
                : Math.min(total, Math.max(d.failingFile() != null ? d.failingFile().number() - 1
                        : (int) files.readCount(), stored));
        int inputs = runs.inputs(d.summary().runId());
        LocalDateTime end = files.end() != null ? files.end() : LocalDateTime.now(clock);
        double secs = files.start() == null ? 0 : Math.max(0.001, Duration.between(files.start(), end).toMillis() / 1000.0);
        double filesPerSec = secs > 0 ? files.writeCount() / secs : 0;
        double inputsPerSec = done > 0 ? filesPerSec * inputs / done : 0;
        if (crashed) {
            filesPerSec = 0;
            inputsPerSec = 0;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("filesDone", done);
        p.put("filesTotal", total);
        p.put("percent", total == 0 ? 100.0 : Math.round(1000.0 * done / total) / 10.0);
        p.put("inputs", inputs);
        p.put("filesPerSecond", Math.round(filesPerSec * 10) / 10.0);
        p.put("inputsPerSecond", Math.round(inputsPerSec * 10) / 10.0);
        boolean live = d.summary().status().isRunning() && files.end() == null && !crashed;
        p.put("running", live);
        p.put("etaSeconds", live && filesPerSec > 0 && total > done ? Math.round((total - done) / filesPerSec) : null);
        return p;
    }

    /** The run's rejected inputs (at most {@code limit}). */
    public List<Map<String, Object>> rejects(long runId, int limit) {
        List<Map<String, Object>> rejects = new ArrayList<>();
        for (RunStore.RejectedInput in : runs.rejects(runId, limit)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("source", in.source());
            r.put("reason", in.reason());
            r.put("reasonText", in.reasonText());
            rejects.add(r);
        }
        return rejects;
    }

    /** The files of {@code out/<run-date>/}, with the console's links to them. */
    List<Map<String, Object>> reports(LocalDate runDate) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (runDate == null) {
            return out;
        }
        Path dir = settings.outDir().resolve(runDate.toString());
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> REPORT_NAME.matcher(n).matches()).sorted().forEach(n -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("name", n);
                        r.put("href", "/reports/" + runDate + "/" + n);
                        out.add(r);
                    });
        } catch (IOException e) {
            // an unreadable report directory shows as no reports
        }
        return out;
    }

    /** A report file of a night, or null: only plain names inside {@code out/<run-date>/}, never a path. */
    public Path report(String runDate, String name) {
        if (!RUN_DATE.matcher(runDate).matches() || !REPORT_NAME.matcher(name).matches() || name.contains("..")) {
            return null;
        }
        Path base = settings.outDir().resolve(runDate).normalize();
        Path file = base.resolve(name).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            Path real = file.toRealPath();
            return real.startsWith(settings.outDir().toRealPath()) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The log lines of an execution: lines of {@code data/logs/wirearchive.log} stamped between its start and end (the
     * ingest runs alone, under the lock), and lines naming it; the last {@value #LOG_LINES}.
     */
    public List<String> logLines(long id) {
        JobDetail d = ops.show(id);
        Path log = settings.dataDir().resolve("logs").resolve("wirearchive.log");
        if (!Files.isRegularFile(log) || d.summary().start() == null) {
            return List.of();
        }
        OffsetDateTime from = d.summary().start().atZone(zone).toOffsetDateTime().minusSeconds(1);
        OffsetDateTime to = d.summary().end() == null ? null
                : d.summary().end().atZone(zone).toOffsetDateTime().plusSeconds(1);
        Pattern mentions = Pattern.compile("\\bexecution " + id + "\\b");
        String console = " " + ProcessHandle.current().pid() + " --- ";
        List<String> lines = new ArrayList<>();
        boolean inWindow = false;
        for (String line : tail(log)) {
            OffsetDateTime t = stamp(line);
            if (t != null) {
                inWindow = !t.isBefore(from) && (to == null || !t.isAfter(to));
            }
            if (inWindow && !line.contains(console) || mentions.matcher(line).find()) {
                lines.add(Redact.secrets(line));
                if (lines.size() > LOG_LINES) {
                    lines.remove(0);
                }
            }
        }
        return lines;
    }

    private static List<String> tail(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - LOG_BYTES);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            List<String> lines = new ArrayList<>(new String(buf, StandardCharsets.UTF_8).lines().toList());
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0);
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static OffsetDateTime stamp(String line) {
        int space = line.indexOf(' ');
        if (space < 19 || !Character.isDigit(line.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(line.substring(0, space));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A local time of the job repository, in the operator's zone with its offset; null stays null. */
    String time(LocalDateTime t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atZone(zone)
                .withZoneSameInstant(OperatorZone.get()).toOffsetDateTime().toString();
    }

    boolean anyRunning() {
        LockProbe.Holder h = lock.current();
        return h != null && h.alive(LockProbe.hostName());
    }

    LockProbe.Holder lockHolder() {
        LockProbe.Holder h = lock.current();
        return h != null && h.alive(LockProbe.hostName()) ? h : null;
    }
}
