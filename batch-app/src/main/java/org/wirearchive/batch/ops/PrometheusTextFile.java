package org.wirearchive.batch.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.wirearchive.batch.ingest.IngestResult;
import org.wirearchive.store.RunStore.RunCounts;

/**
 * The last night's metrics as a Prometheus text file, for node_exporter's textfile collector ({@code *.prom} in its
 * directory), in the format of Micrometer's Prometheus registry. Written on every way an {@code ingest},
 * {@code jobs restart} or scheduled night ends, a refusal included, so that an alert on the last run's status fires
 * for any night that did not complete. Written to a temporary file in the same directory and renamed over the old
 * one, so a scrape never sees half a file. The last success is read from the database by the caller, never carried
 * over from the old file.
 */
public final class PrometheusTextFile {

    /** The status label of a night that was refused (exit 2 to 6 or 70 before or instead of a job execution). */
    public static final String REFUSED = "REFUSED";

    /**
     * How a night ended.
     *
     * @param command  what ran it: {@code ingest}, {@code jobs restart} or {@code schedule}
     * @param runDate  the run date it was for (null if not known)
     * @param exitCode the process's (or the night's) exit code
     * @param result   what the job did; null when the night was refused before or instead of a job execution
     */
    public record Night(String command, LocalDate runDate, int exitCode, IngestResult result) {

        /** The job's status, or {@link #REFUSED}. */
        public String status() {
            return result == null ? REFUSED : result.status().name();
        }
    }

    private PrometheusTextFile() {
    }

    /**
     * Writes the night's metrics.
     *
     * @param finished    when it ended
     * @param lastSuccess when a run last completed, read from the database; null if none did or the database could not
     *                    be read (written as 0, so that the age alert fires)
     */
    public static void write(Path file, Night night, Instant finished, Instant lastSuccess) {
        writeAtomically(file, render(night, finished, lastSuccess));
    }

    /** The file's content. */
    static String render(Night night, Instant finished, Instant lastSuccess) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            String status = night.status();
            for (BatchStatus s : BatchStatus.values()) {
                gauge(registry, "wirearchive.last.run.status", "Status of the last ingest run: 1 for the status it "
                        + "ended in (REFUSED: it was refused before running), 0 for the others.",
                        Tags.of("status", s.name()), s.name().equals(status) ? 1 : 0);
            }
            gauge(registry, "wirearchive.last.run.status", null, Tags.of("status", REFUSED), REFUSED.equals(status) ? 1 : 0);
            gauge(registry, "wirearchive.last.run.exit.code", "Exit code of the last ingest run (0: completed).",
                    Tags.empty(), night.exitCode());
            IngestResult r = night.result();
            Map<String, String> info = new LinkedHashMap<>();
            info.put("command", night.command());
            info.put("run_date", night.runDate() == null ? "" : night.runDate().toString());
            info.put("run_id", r == null ? "" : Long.toString(r.runId()));
            info.put("execution_id", r == null ? "" : Long.toString(r.executionId()));
            info.put("restarted", r == null ? "false" : Boolean.toString(r.restarted()));
            Tags infoTags = Tags.empty();
            for (var e : info.entrySet()) {
                infoTags = infoTags.and(e.getKey(), e.getValue());
            }
            gauge(registry, "wirearchive.last.run.identity", "Identity of the last ingest run (always 1).", infoTags, 1);
            gauge(registry, "wirearchive.last.run.timestamp.seconds", "When the last ingest run ended (Unix time).",
                    Tags.empty(), seconds(finished));
            gauge(registry, "wirearchive.last.success.timestamp.seconds", "When an ingest run last completed (Unix "
                    + "time, from the database); 0 if none ever did or the database could not be read.", Tags.empty(),
                    lastSuccess == null ? 0 : seconds(lastSuccess));
            if (r != null) {
                gauge(registry, "wirearchive.run.duration.seconds", "How long the last ingest run took.", Tags.empty(),
                        r.elapsed().toMillis() / 1000.0);
                RunCounts c = r.counts();
                Map<String, Integer> files = new LinkedHashMap<>();
                files.put("seen", c.filesSeen());
                files.put("new", c.filesNew());
                files.put("changed", c.filesChanged());
                files.put("unchanged", c.filesUnchanged());
                files.put("processed", c.filesProcessed());
                files.forEach((k, v) -> gauge(registry, "wirearchive.last.run.files", "Input files of the last run, "
                        + "by state.", Tags.of("state", k), v));
                gauge(registry, "wirearchive.last.run.inputs", "Inputs (files or container entries) of the last run, "
                        + "by outcome.", Tags.of("status", "accepted"), c.accepted());
                gauge(registry, "wirearchive.last.run.inputs", null, Tags.of("status", "duplicate"), c.duplicates());
                gauge(registry, "wirearchive.last.run.inputs", null, Tags.of("status", "rejected"), c.rejects());
                gauge(registry, "wirearchive.last.run.articles", "Articles the last run stored, by kind.",
                        Tags.of("kind", "new"), c.articlesNew());
                gauge(registry, "wirearchive.last.run.articles", null, Tags.of("kind", "updated"), c.articlesUpdated());
                gauge(registry, "wirearchive.last.run.duplicates", "Duplicate inputs found by the last run.",
                        Tags.empty(), c.duplicates());
                gauge(registry, "wirearchive.last.run.rejects", "Inputs the last run rejected.", Tags.empty(),
                        c.rejects());
                gauge(registry, "wirearchive.last.run.execution.inputs", "Inputs the last run's execution read itself "
                        + "(a restart does not read again what was committed before it).", Tags.empty(),
                        r.executionRead());
            }
            return registry.scrape();
        } finally {
            registry.close();
        }
    }

    private static void gauge(PrometheusMeterRegistry registry, String name, String help, Tags tags, Number value) {
        Supplier<Number> v = () -> value;
        Gauge.Builder<Supplier<Number>> b = Gauge.builder(name, v).tags(tags);
        if (help != null) {
            b.description(help);
        }
        b.register(registry);
    }

    static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    private static void writeAtomically(Path file, String content) {
        Path target = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            // not *.prom: the collector ignores the temporary file
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    // readable by the node_exporter user (a temporary file starts as owner-only)
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics file " + target, e);
        }
    }
}
