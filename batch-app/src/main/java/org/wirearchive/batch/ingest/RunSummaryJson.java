package org.wirearchive.batch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Locale;
import org.wirearchive.store.RunStore.RunCounts;
import org.wirearchive.core.extract.OutcomeJson;

/** Writes {@code summary.json}: the run's outcome for machines (status, exit code, counts, timing), atomically. */
public final class RunSummaryJson {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RunSummaryJson() {
    }

    public static String render(IngestResult r, int exitCode) {
        return render(r, exitCode, null);
    }

    /** {@code runDateZone}: the zone whose "today" made the run date, or null when it was given (--run-date). */
    public static String render(IngestResult r, int exitCode, String runDateZone) {
        RunCounts c = r.counts();
        double secs = r.elapsed().toMillis() / 1000.0;
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\n");
        field(sb, "run_id", r.runId());
        field(sb, "execution_id", r.executionId());
        field(sb, "run_date", r.runDate().toString());
        sb.append("  \"run_date_zone\": ").append(runDateZone == null ? "null" : quote(runDateZone)).append(",\n");
        field(sb, "status", r.status().name());
        field(sb, "exit_code", exitCode);
        field(sb, "restarted", r.restarted());
        field(sb, "elapsed_seconds", String.format(Locale.ROOT, "%.3f", secs), false);
        sb.append("  \"files\": {\"seen\": ").append(c.filesSeen()).append(", \"new\": ").append(c.filesNew())
                .append(", \"changed\": ").append(c.filesChanged()).append(", \"unchanged\": ").append(c.filesUnchanged())
                .append(", \"processed\": ").append(c.filesProcessed()).append("},\n");
        field(sb, "files_skipped", c.filesSkipped());
        sb.append("  \"inputs\": {\"read\": ").append(c.inputsRead()).append(", \"accepted\": ").append(c.accepted())
                .append(", \"duplicates\": ").append(c.duplicates()).append(", \"rejected\": ").append(c.rejects())
                .append("},\n");
        sb.append("  \"articles\": {\"new\": ").append(c.articlesNew()).append(", \"updated\": ")
                .append(c.articlesUpdated()).append("},\n");
        // this execution's rate: what it read (not what a restarted run's earlier executions read) over its time
        field(sb, "inputs_per_second", String.format(Locale.ROOT, "%.1f", secs > 0 ? r.executionRead() / secs : 0.0),
                false);
        field(sb, "reports_dir", r.outDir().toString());
        sb.append("  \"failure\": ").append(r.failure() == null ? "null" : quote(r.failure())).append("\n}\n");
        return sb.toString();
    }

    public static Path write(Path dir, IngestResult r, int exitCode) throws IOException {
        return write(dir, r, exitCode, null);
    }

    public static Path write(Path dir, IngestResult r, int exitCode, String runDateZone) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("summary.json");
        // Files.createFile, unlike createTempFile (0600), keeps the usual permissions (umask), as the other reports do
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            try {
                tmp = Files.createFile(dir.resolve(".summary.json." + Long.toHexString(RANDOM.nextLong()) + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            Files.writeString(tmp, render(r, exitCode, runDateZone), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static void field(StringBuilder sb, String name, Object value) {
        field(sb, name, value, value instanceof String);
    }

    private static void field(StringBuilder sb, String name, Object value, boolean quoted) {
        sb.append("  \"").append(name).append("\": ").append(quoted ? quote(value.toString()) : value).append(",\n");
    }

    static String quote(String s) {
        return OutcomeJson.quote(s);
    }
}
