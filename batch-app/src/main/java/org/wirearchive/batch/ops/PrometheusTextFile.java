package org.wirearchive.batch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.BatchStatus;
import org.wirearchive.batch.ingest.IngestResult;
import org.wirearchive.batch.store.RunStore.RunCounts;

/**
 * A run's metrics as a Prometheus text file, for node_exporter's textfile collector ({@code *.prom} in its
 * directory): written to a temporary file in the same directory and renamed over the old one, so a scrape never sees
 * half a file. A failed run keeps the previous file's last-success time, so an alert on its age fires both for failed
 * and for missing nights.
 */
public final class PrometheusTextFile {

    static final String LAST_SUCCESS = "wirearchive_last_success_timestamp_seconds";

    private PrometheusTextFile() {
    }

    /** Writes the run's metrics; the last success is this run if it completed, else the one in the old file. */
    public static void write(Path file, IngestResult result, Instant finished) {
        write(file, result, finished, null);
    }

    /**
     * Writes the run's metrics, and the meters of {@code batchMeters} (Spring Batch's Micrometer timers and counters,
     * if the application records them there; null for none).
     */
    public static void write(Path file, IngestResult result, Instant finished, MeterRegistry batchMeters) {
        Instant lastSuccess = result.status() == BatchStatus.COMPLETED ? finished : previousLastSuccess(file);
        writeAtomically(file, render(result, finished, lastSuccess, batchMeters));
    }

    /** The file's content. */
    static String render(IngestResult result, Instant finished, Instant lastSuccess, MeterRegistry batchMeters) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> statuses = new LinkedHashMap<>();
        for (BatchStatus s : BatchStatus.values()) {
            statuses.put(s.name(), s == result.status() ? "1" : "0");
        }
        family(sb, "wirearchive_last_run_status", "gauge",
                "Status of the last ingest run: 1 for the status it ended in, 0 for the others.");
        statuses.forEach((s, v) -> sample(sb, "wirearchive_last_run_status", Map.of("status", s), v));
        family(sb, "wirearchive_last_run_info", "gauge", "Identity of the last ingest run (always 1).");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("run_date", result.runDate().toString());
        info.put("run_id", Long.toString(result.runId()));
        info.put("execution_id", Long.toString(result.executionId()));
        info.put("restarted", Boolean.toString(result.restarted()));
        sample(sb, "wirearchive_last_run_info", info, "1");
        gauge(sb, "wirearchive_last_run_timestamp_seconds", "When the last ingest run ended (Unix time).",
                seconds(finished));
        gauge(sb, LAST_SUCCESS, "When an ingest run last completed (Unix time); 0 if never.",
                lastSuccess == null ? "0" : seconds(lastSuccess));
        gauge(sb, "wirearchive_run_duration_seconds", "How long the last ingest run took.",
                number(result.elapsed().toNanos() / 1e9));
        RunCounts c = result.counts();
        family(sb, "wirearchive_files_total", "gauge", "Input files of the last run, by state.");
        Map<String, Integer> files = new LinkedHashMap<>();
        files.put("seen", c.filesSeen());
        files.put("new", c.filesNew());
        files.put("changed", c.filesChanged());
        files.put("unchanged", c.filesUnchanged());
        files.put("processed", c.filesProcessed());
        files.forEach((k, v) -> sample(sb, "wirearchive_files_total", Map.of("state", k), Integer.toString(v)));
        family(sb, "wirearchive_inputs_total", "gauge", "Inputs (files or container entries) read by the last run, by outcome.");
        sample(sb, "wirearchive_inputs_total", Map.of("status", "accepted"), Integer.toString(c.accepted()));
        sample(sb, "wirearchive_inputs_total", Map.of("status", "duplicate"), Integer.toString(c.duplicates()));
        sample(sb, "wirearchive_inputs_total", Map.of("status", "rejected"), Integer.toString(c.rejects()));
        family(sb, "wirearchive_articles_total", "gauge", "Articles the last run stored, by kind.");
        sample(sb, "wirearchive_articles_total", Map.of("kind", "new"), Integer.toString(c.articlesNew()));
        sample(sb, "wirearchive_articles_total", Map.of("kind", "updated"), Integer.toString(c.articlesUpdated()));
        gauge(sb, "wirearchive_duplicates_total", "Duplicate inputs found by the last run.",
                Integer.toString(c.duplicates()));
        gauge(sb, "wirearchive_rejects_total", "Inputs the last run rejected.", Integer.toString(c.rejects()));
        if (batchMeters != null) {
            meters(sb, batchMeters);
        }
        return sb.toString();
    }

    /** Micrometer meters in the exposition format: timers as summaries (count, sum, max), counters, gauges. */
    private static void meters(StringBuilder sb, MeterRegistry registry) {
        Map<String, List<Meter>> byName = new TreeMap<>();
        for (Meter m : registry.getMeters()) {
            byName.computeIfAbsent(m.getId().getName(), k -> new ArrayList<>()).add(m);
        }
        byName.forEach((name, meters) -> {
            meters.sort(Comparator.comparing(m -> m.getId().getTags().toString()));
            String base = sanitize(name);
            Meter first = meters.get(0);
            String help = first.getId().getDescription() == null ? name : first.getId().getDescription();
            if (first instanceof Timer) {
                family(sb, base + "_seconds", "summary", help);
                for (Meter m : meters) {
                    Timer t = (Timer) m;
                    Map<String, String> l = labels(m);
                    sample(sb, base + "_seconds_count", l, Long.toString(t.count()));
                    sample(sb, base + "_seconds_sum", l, number(t.totalTime(TimeUnit.SECONDS)));
                }
                family(sb, base + "_seconds_max", "gauge", help + " (longest)");
                for (Meter m : meters) {
                    sample(sb, base + "_seconds_max", labels(m), number(((Timer) m).max(TimeUnit.SECONDS)));
                }
            } else if (first instanceof Counter || first instanceof FunctionCounter) {
                family(sb, base + "_total", "counter", help);
                for (Meter m : meters) {
                    double v = m instanceof Counter ct ? ct.count() : ((FunctionCounter) m).count();
                    sample(sb, base + "_total", labels(m), number(v));
                }
            } else if (first instanceof Gauge || first instanceof LongTaskTimer) {
                family(sb, base, "gauge", help);
                for (Meter m : meters) {
                    double v = m instanceof Gauge g ? g.value() : ((LongTaskTimer) m).activeTasks();
                    sample(sb, base, labels(m), number(v));
                }
            }
        });
    }

    private static Map<String, String> labels(Meter m) {
        Map<String, String> l = new TreeMap<>();
        for (Tag t : m.getId().getTags()) {
            l.put(sanitize(t.getKey()), t.getValue());
        }
        return l;
    }

    static String sanitize(String name) {
        String s = name.replaceAll("[^a-zA-Z0-9_:]", "_");
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    private static void family(StringBuilder sb, String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ')
                .append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(StringBuilder sb, String name, String help, String value) {
        family(sb, name, "gauge", help);
        sample(sb, name, Map.of(), value);
    }

    private static void sample(StringBuilder sb, String name, Map<String, String> labels, String value) {
        sb.append(name);
        if (!labels.isEmpty()) {
            sb.append('{');
            boolean first = true;
            for (var e : labels.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
            }
            sb.append('}');
        }
        sb.append(' ').append(value).append('\n');
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String seconds(Instant t) {
        return number(t.toEpochMilli() / 1000.0);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The last-success time recorded in an existing file, or null. */
    static Instant previousLastSuccess(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(LAST_SUCCESS + " ")) {
                    double s = Double.parseDouble(line.substring(LAST_SUCCESS.length() + 1).strip());
                    return s <= 0 ? null : Instant.ofEpochMilli(Math.round(s * 1000));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null; // an unreadable old file: no last success known
        }
        return null;
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
