package org.wirearchive.batch.console;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.Refusal;
import org.wirearchive.batch.ops.JobDetail;
import org.wirearchive.batch.ops.JobsOperations;
import org.wirearchive.batch.ops.LockProbe;
import org.wirearchive.store.IngestLockTable;
import org.wirearchive.store.RunStore;

/**
 * Operator actions, each run as a child process of this application ({@code jobs restart|stop|abandon|recover ID}):
 * the child takes the ingest lock and applies the same refusals as the command line; a child that crashes or is
 * killed leaves the console running. Before starting a child the console refuses what it can already see is refused
 * (unknown execution, wrong state, another ingest running, an action still running on that execution).
 */
@Service
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class Actions {

    private static final Logger log = LoggerFactory.getLogger(Actions.class);
    static final List<String> NAMES = List.of("restart", "stop", "abandon", "recover");
    private static final int KEEP = 200;
    private static final int TAIL_LINES = 40;

    /** One action: its child process and, once it ended, its outcome. */
    static final class Action {
        final long id;
        final String name;
        final long executionId;
        final OffsetDateTime started;
        final Path logFile;
        volatile Process process;
        volatile Integer exitCode;
        volatile OffsetDateTime ended;
        volatile String error;

        Action(long id, String name, long executionId, OffsetDateTime started, Path logFile) {
            this.id = id;
            this.name = name;
            this.executionId = executionId;
            this.started = started;
            this.logFile = logFile;
        }

        boolean running() {
            return exitCode == null && error == null;
        }

        String state() {
            if (error != null) {
                return "failed";
            }
            if (exitCode == null) {
                return "running";
            }
            return switch (exitCode) {
                case ExitCodes.OK -> "succeeded";
                case ExitCodes.JOB_FAILED -> name.equals("restart") ? "failed" : "refused";
                case ExitCodes.ALREADY_RUNNING, ExitCodes.RECOVERY_NEEDED -> "refused";
                default -> "failed";
            };
        }
    }

    private final ConsoleSettings settings;
    private final JobsOperations ops;
    private final RunStore runs;
    private final LockProbe lock;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Action> actions = Collections.synchronizedMap(new LinkedHashMap<>());

    public Actions(ConsoleSettings settings, JobsOperations ops, RunStore runs, IngestLockTable lockTable, Clock clock,
                   @org.springframework.beans.factory.annotation.Value("${wirearchive.lock-expiry-seconds:120}")
                   long lockExpirySeconds) {
        this.settings = settings;
        this.ops = ops;
        this.runs = runs;
        this.lock = new LockProbe(lockTable, lockExpirySeconds);
        this.clock = clock;
    }

    /** Starts {@code name} on execution {@code executionId} in a child process; refuses with 404 or 409. */
    public synchronized Action start(String name, long executionId) {
        if (!NAMES.contains(name)) {
            throw ApiException.notFound("no action " + name + "; actions: " + NAMES);
        }
        JobDetail d = show(executionId);
        for (Action a : snapshot()) {
            if (a.running() && (a.executionId == executionId || a.name.equals("restart") && name.equals("restart"))) {
                throw ApiException.conflict("action " + a.id + " (" + a.name + " of execution " + a.executionId
                        + ") is still running: wait for it to end");
            }
        }
        precheck(name, d);
        long id = ids.incrementAndGet();
        Path dir = settings.dataDir().resolve("console-actions");
        Path logFile = dir.resolve(ProcessHandle.current().pid() + "-" + id + ".log");
        Action a = new Action(id, name, executionId, OffsetDateTime.now(clock.withZone(OperatorZone.get())), logFile);
        List<String> cmd = new ArrayList<>(settings.childCommand());
        cmd.addAll(List.of("jobs", name, Long.toString(executionId)));
        cmd.addAll(settings.childArgs());
        try {
            Files.createDirectories(dir);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            pb.environment().remove(ServeEnv.TOKEN);
            pb.environment().putAll(settings.childEnv());
            a.process = pb.start();
        } catch (IOException e) {
            throw new ApiException(500, "could not start the action's process: " + e.getMessage());
        }
        actions.put(id, a);
        trim();
        log.info("Action {}: {} of execution {} started as pid {}", id, name, executionId, a.process.pid());
        a.process.onExit().thenAccept(p -> {
            a.exitCode = p.exitValue();
            a.ended = OffsetDateTime.now(clock.withZone(OperatorZone.get()));
            log.info("Action {}: {} of execution {} ended with exit code {} ({})", id, name, executionId, a.exitCode,
                    a.state());
        });
        return a;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "NUL" : "/dev/null");
    }

    private JobDetail show(long executionId) {
        try {
            return ops.show(executionId);
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw ApiException.notFound("no ingest job execution with id " + executionId);
            }
            throw e;
        }
    }

    /** The refusals of {@code jobs} that the console can see without acting; the child applies them all again. */
    private void precheck(String name, JobDetail d) {
        long id = d.summary().executionId();
        BatchStatus status = d.summary().status();
        LockProbe.Holder live = lock.current();
        if (live != null && !live.alive(LockProbe.hostName())) {
            live = null;
        }
        LockProbe.Holder mine = lock.liveHolderOf(id, d.runDate());
        String what = "Execution " + id + " (run " + d.summary().runId() + ", " + d.runDate() + ")";
        switch (name) {
            case "restart" -> {
                JobDetail target = d;
                Long last = runs.lastExecutionId(d.summary().runId());
                if (last != null && last != id) {
                    target = show(last);
                }
                BatchStatus s = target.summary().status();
                String which = "Execution " + target.summary().executionId() + (target == d ? "" : " (the latest of "
                        + "execution " + id + "'s run)");
                if (s == BatchStatus.COMPLETED || s == BatchStatus.ABANDONED) {
                    throw ApiException.conflict(which + " is " + s + ": nothing to restart");
                }
                if (s.isRunning()) {
                    throw ApiException.conflict(lock.liveHolderOf(target.summary().executionId(), target.runDate()) != null
                            ? which + " is " + s + " and running"
                            : which + " is marked " + s + " but no live ingest holds the lock: it crashed. Recover it first.");
                }
                if (live != null) {
                    throw ApiException.conflict("another ingest is running (" + live.describe() + ", execution "
                            + live.executionId() + "): wait for it to finish");
                }
            }
            case "stop" -> {
                if (status == BatchStatus.STOPPING) {
                    throw ApiException.conflict(what + " is already STOPPING");
                }
                if (!status.isRunning()) {
                    throw ApiException.conflict(what + " is " + status + ", not running: nothing to stop");
                }
            }
            case "abandon" -> {
                if (status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.COMPLETED
                        || status == BatchStatus.ABANDONED) {
                    throw ApiException.conflict(what + " is " + status + ": only a FAILED or STOPPED execution can be "
                            + "abandoned");
                }
                if (mine != null) {
                    throw ApiException.conflict(what + " is still running (" + mine.describe() + ")");
                }
            }
            case "recover" -> {
                if (!status.isRunning()) {
                    throw ApiException.conflict(what + " is " + status + ", not left running by a crash: nothing to "
                            + "recover");
                }
                if (mine != null) {
                    throw ApiException.conflict(what + " is running (" + mine.describe() + " holds the ingest lock): "
                            + "not a crash");
                }
            }
            default -> throw ApiException.notFound("no action " + name);
        }
    }

    public Action get(long id) {
        Action a = actions.get(id);
        if (a == null) {
            throw ApiException.notFound("no action with id " + id + " (actions are kept while the console runs)");
        }
        return a;
    }

    List<Action> snapshot() {
        synchronized (actions) {
            return new ArrayList<>(actions.values());
        }
    }

    private void trim() {
        synchronized (actions) {
            var it = actions.values().iterator();
            while (actions.size() > KEEP && it.hasNext()) {
                if (!it.next().running()) {
                    it.remove();
                }
            }
        }
    }

    /** The action as the API shows it: state, exit code, the last line that says why, and its log tail. */
    Map<String, Object> json(Action a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        m.put("action", a.name);
        m.put("executionId", a.executionId);
        m.put("command", "jobs " + a.name + " " + a.executionId);
        m.put("state", a.state());
        m.put("exitCode", a.exitCode);
        m.put("startTime", a.started.toString());
        m.put("endTime", a.ended == null ? null : a.ended.toString());
        List<String> tail = tail(a.logFile);
        String message = null;
        for (String line : tail) {
            if (!line.isBlank()) {
                message = line.startsWith("wirearchive: ") ? line.substring("wirearchive: ".length()) : line;
            }
        }
        m.put("message", a.running() ? null : message);
        m.put("logTail", tail);
        m.put("href", "/api/actions/" + a.id);
        return m;
    }

    private static List<String> tail(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - 16_384);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            List<String> lines = new String(buf, StandardCharsets.UTF_8).lines().map(Redact::secrets).toList();
            return lines.size() <= TAIL_LINES ? lines : lines.subList(lines.size() - TAIL_LINES, lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The environment variable of the token, removed from every child's environment. */
    static final class ServeEnv {
        static final String TOKEN = "WIREARCHIVE_CONSOLE_TOKEN";

        private ServeEnv() {
        }
    }
}
