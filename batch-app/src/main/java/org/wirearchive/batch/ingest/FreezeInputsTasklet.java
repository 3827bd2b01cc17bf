package org.wirearchive.batch.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.wirearchive.core.format.InputTree;
import org.wirearchive.core.format.PathNames;
import org.wirearchive.store.KnownListingTable;
import org.wirearchive.store.ManifestTable;
import org.wirearchive.store.RunInputTable;
import org.wirearchive.store.RunStore;

/**
 * First step of a run: lists every regular file under the input paths in a fixed (sorted) order, compares each with
 * the manifest (size and modification time), and freezes the list of files to process (new and changed ones, or all
 * with {@code full}) in {@code run_inputs} for the job instance. A restart skips this step and reads the same list.
 * An unchanged file costs a directory-walk entry and a manifest lookup, never a read of its content. When the listing
 * (every file's name, size and time: {@link ListingDigest}) is the one a run recorded as wholly in the manifest
 * ({@link KnownListing}) and the store has not changed since, every file is unchanged without the comparison.
 *
 * <p>Paths that are not inputs are skipped, counted ({@code runs.files_skipped}) and named in the log: hidden files
 * and directories, dangling symbolic links, special files, report files, and the output and data directories when
 * they lie inside an input. A file whose name does not open it (bytes the file-name encoding cannot decode) is listed
 * under its escaped name, to be rejected as {@code unreadable-name}.
 */
public class FreezeInputsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FreezeInputsTasklet.class);
    private static final int BATCH = 500;
    /** Rows a page of the ordered manifest scan. */
    private static final int SCAN_PAGE = 10_000;

    /** Keys of the counts saved in the job's execution context. */
    public static final String FILES_SEEN = "files.seen";
    public static final String FILES_NEW = "files.new";
    public static final String FILES_CHANGED = "files.changed";
    public static final String FILES_UNCHANGED = "files.unchanged";
    /** How many files the run's list ({@code run_inputs}) has. */
    public static final String FILES_TO_PROCESS = "files.to-process";
    /** The {@link ListingDigest} of every file listed ({@link KnownListing} records it when the run completes). */
    public static final String LISTING_DIGEST = "files.listing-digest";

    private final RunInputTable inputs;
    private final ManifestTable manifest;
    private final KnownListingTable listings;
    private final RunStore runs;
    private final Path dataDir;
    private final int scanPage;

    /** @param dataDir the data directory (database, log), left out of the inputs; null if none */
    public FreezeInputsTasklet(RunInputTable inputs, ManifestTable manifest, KnownListingTable listings, RunStore runs,
                               Path dataDir) {
        this(inputs, manifest, listings, runs, dataDir, SCAN_PAGE);
    }

    /** Only the manifest comparison, with another page size of its scan (tests). */
    FreezeInputsTasklet(ManifestTable manifest, int scanPage) {
        this(null, manifest, null, null, null, scanPage);
    }

    private FreezeInputsTasklet(RunInputTable inputs, ManifestTable manifest, KnownListingTable listings,
                                RunStore runs, Path dataDir, int scanPage) {
        this.inputs = inputs;
        this.manifest = manifest;
        this.listings = listings;
        this.runs = runs;
        this.dataDir = dataDir;
        this.scanPage = scanPage;
    }

    /** @param name the name recorded (escaped when it does not open the file: size {@link InputFile#UNREADABLE_NAME}) */
    record Found(String name, long size, long modifiedMillis) {
        Found(Path path, long size, long modifiedMillis) {
            this(path.toString(), size, modifiedMillis);
        }
    }

    record Known(long size, long modifiedMillis) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (log.isDebugEnabled()) { // docs/BENCHMARKS.md measures the start-up with this line
            Duration up = sinceProcessStart();
            if (up != null) {
                log.debug("start-up {} s: process start to the first input walk",
                        String.format(Locale.ROOT, "%.2f", up.toMillis() / 1000.0));
            }
        }
        var jobExecution = contribution.getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        String input = jobExecution.getJobParameters().getString(IngestParameters.INPUT);
        boolean full = Boolean.parseBoolean(jobExecution.getJobParameters().getString(IngestParameters.FULL));
        inputs.clear(instanceId);

        // --out (the base of the run's DIR/<run-date>) and the data directory
        List<Path> excluded = EarlyWalk.excluded(
                jobExecution.getJobParameters().getString(IngestParameters.OUT), dataDir);
        long walkStart = System.nanoTime();
        Walked early = EarlyWalk.take(input, excluded); // begun by the command while the application started
        Walked walked = early != null ? early : walk(input, excluded);
        long walkNanos = System.nanoTime() - walkStart;
        logSkipped(walked.skipped(), walked.badNames());
        // the same listing as one the manifest held wholly, and the store unchanged since: every file is unchanged
        // (in any order: only counted); otherwise the files in name order, compared and frozen in that order
        Long sameAs = full ? null : listings.unchangedSince(walked.digest(), walked.files().size());
        List<Found> files = sameAs != null ? walked.files() : walked.inNameOrder();
        // looked up with --full too: --full processes the unchanged files, it does not make them new
        Known[] known = sameAs != null ? null : known(files);
        int seq = 0;
        int fresh = 0;
        int changed = 0;
        int unchanged = 0;
        List<RunInputTable.Entry> rows = new ArrayList<>(BATCH);
        if (sameAs != null) { // not --full: nothing to record
            unchanged = files.size();
        } else {
            for (int i = 0; i < files.size(); i++) {
                Found f = files.get(i);
                Known k = known[i];
                if (k != null && k.size() == f.size() && k.modifiedMillis() == f.modifiedMillis()) {
                    unchanged++;
                    if (!full) {
                        continue;
                    }
                } else if (k == null) {
                    fresh++;
                } else {
                    changed++;
                }
                rows.add(new RunInputTable.Entry(seq++, f.name(), f.size(), Instant.ofEpochMilli(f.modifiedMillis())));
                if (rows.size() == BATCH) {
                    insertRunInputs(instanceId, rows);
                }
            }
        }
        insertRunInputs(instanceId, rows);
        log.debug("freeze: walk of {} files {} ms{}, manifest comparison and run_inputs {} ms{}", files.size(),
                walkNanos / 1_000_000, early != null ? " (begun at the start-up: the wait for its end)" : "",
                (System.nanoTime() - walkStart - walkNanos) / 1_000_000,
                sameAs != null ? " (no comparison: the listing of run " + sameAs + ")" : "");
        ExecutionContext ctx = jobExecution.getExecutionContext();
        ctx.putString(LISTING_DIGEST, walked.digest());
        ctx.putInt(FILES_TO_PROCESS, seq);
        ctx.putInt(FILES_SEEN, files.size());
        ctx.putInt(FILES_NEW, fresh);
        ctx.putInt(FILES_CHANGED, changed);
        ctx.putInt(FILES_UNCHANGED, unchanged);
        runs.fileCounts(instanceId, fresh, changed, unchanged, full, walked.skipped().size());
        contribution.incrementWriteCount(seq);
        log.info("Input: {} files under {}: {} new, {} changed, {} unchanged; to process: {}{}{}", files.size(),
                input.replace(File.pathSeparator, ", "), fresh, changed, unchanged, seq,
                full ? " (--full: the unchanged ones too)" : "",
                sameAs != null ? " (the same files, sizes and times as run " + sameAs
                        + " listed, and the store unchanged since: not compared one by one)" : "");
        return RepeatStatus.FINISHED;
    }

    /**
     * The time since this process started (the launcher's start: it {@code exec}s the JVM). On Linux from
     * {@code /proc/self/stat} and {@code /proc/uptime}, both counted from the boot, to 10 ms; elsewhere from
     * {@link ProcessHandle}, whose start instant adds the boot time in whole seconds (up to a second high).
     */
    static Duration sinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]); // field 22, starttime, in USER_HZ (100 on Linux)
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Duration.ofMillis(Math.round(uptime * 1000 - startTicks * 10.0));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()))
                    .orElse(null);
        }
    }

    private void insertRunInputs(long instanceId, List<RunInputTable.Entry> rows) {
        if (!rows.isEmpty()) {
            inputs.insert(instanceId, rows);
            rows.clear();
        }
    }

    /**
     * The manifest row of each file ({@code null} when there is none), index for index with {@code files} (sorted by
     * path, as {@link String#compareTo}). On H2, which orders strings the same way, one ordered scan of the
     * manifest's primary key from the first to the last path, in pages, merged with the list: a nothing-new night
     * reads the manifest once in key order instead of probing the key once per file. Elsewhere (PostgreSQL orders
     * by its collation, and an ORDER BY in another collation could not use the key), and if the scan ever met a path
     * out of order, look-ups by path in batches.
     */
    Known[] known(List<Found> files) {
        Known[] known = new Known[files.size()];
        if (files.isEmpty()) {
            return known;
        }
        if (!manifest.ordersPathsAsJava() || !scan(files, known)) {
            Arrays.fill(known, null);
            for (int from = 0; from < files.size(); from += BATCH) {
                lookup(files, from, Math.min(files.size(), from + BATCH), known);
            }
        }
        return known;
    }

    /** The ordered scan and merge; false if the database returned a path out of {@link String#compareTo} order. */
    boolean scan(List<Found> files, Known[] known) {
        String last = files.get(files.size() - 1).name();
        String from = files.get(0).name();
        boolean inclusive = true;
        int[] next = {0};
        String[] previous = {null};
        boolean[] disordered = {false};
        while (true) {
            int rows = manifest.scan(from, inclusive, last, scanPage, e -> {
                String path = e.path();
                if (disordered[0] || (previous[0] != null && previous[0].compareTo(path) >= 0)) {
                    disordered[0] = true;
                    return;
                }
                previous[0] = path;
                int i = next[0];
                int c = -1;
                while (i < files.size() && (c = files.get(i).name().compareTo(path)) < 0) {
                    i++;
                }
                if (c == 0) {
                    known[i] = new Known(e.sizeBytes(), e.modifiedMillis());
                    i++;
                }
                next[0] = i;
            });
            if (disordered[0]) {
                log.warn("The manifest's order differs from the file list's; comparing by look-ups instead");
                return false;
            }
            if (rows < scanPage) {
                return true;
            }
            from = previous[0];
            inclusive = false;
        }
    }

    private void lookup(List<Found> files, int from, int to, Known[] known) {
        List<String> paths = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            paths.add(files.get(i).name());
        }
        Map<String, ManifestTable.Entry> found = manifest.lookup(paths);
        for (int i = from; i < to; i++) {
            ManifestTable.Entry e = found.get(files.get(i).name());
            if (e != null) {
                known[i] = new Known(e.sizeBytes(), e.modifiedMillis());
            }
        }
    }

    /**
     * The files found (in name order if {@code ordered}, else in the order the walk met them), the paths skipped, and
     * the listing's {@link ListingDigest} (the same in any order).
     */
    record Walked(List<Found> files, List<InputTree.Skipped> skipped, String digest, boolean ordered, int badNames) {

        /** The files in name order, as {@link String#compareTo} orders their names: {@code files}, sorted in place. */
        List<Found> inNameOrder() {
            if (!ordered) {
                InputTree.sortByName(files, Found::name);
            }
            return files;
        }
    }

    /**
     * The listing as the freeze keeps it: a name, size and time per file, taken from each path as the walk meets it
     * (the walk's paths and instants do not outlive it: at 1,000,000 files the names alone take 161 MB, with the
     * listing 396 MB; at 100,000, 41 MB of listing were still reachable when the nothing-new night's one young
     * collection came).
     */
    static Walked walk(String input, List<Path> excluded) {
        List<Path> roots = new ArrayList<>();
        for (String part : input.split(File.pathSeparator)) {
            roots.add(Path.of(part).toAbsolutePath().normalize());
        }
        InputTree.Scanned<Listed> scanned = InputTree.scanInAnyOrder(roots, excluded, Listed::new);
        Listed listed = scanned.files();
        return new Walked(listed.files, scanned.skipped(), listed.digest.hex(), scanned.ordered(), listed.badNames);
    }

    /** The files of a walk as {@link Found}s, their {@link ListingDigest}, and how many names do not open them. */
    private static final class Listed implements InputTree.FileSink {
        final List<Found> files = new ArrayList<>();
        final ListingDigest digest = new ListingDigest();
        int badNames;

        @Override
        public void file(Path path, long size, FileTime lastModified) {
            long millis = epochMillis(lastModified);
            Found found;
            if (PathNames.opensByName(path)) { // then the name is the path's string (Linux: '/' separators)
                found = new Found(path.toString(), size, millis);
            } else {
                found = new Found(PathNames.display(path), InputFile.UNREADABLE_NAME, millis);
                badNames++;
            }
            files.add(found);
            digest.add(found.name(), found.size(), found.modifiedMillis());
        }
    }

    /**
     * {@code time.toInstant().toEpochMilli()} (the millisecond at or before the time) without the instant, from the
     * nanoseconds when they fit in a long (until 2262).
     */
    static long epochMillis(FileTime time) {
        long nanos = time.to(TimeUnit.NANOSECONDS);
        return nanos == Long.MIN_VALUE || nanos == Long.MAX_VALUE ? time.toInstant().toEpochMilli()
                : Math.floorDiv(nanos, 1_000_000L);
    }

    private static void logSkipped(List<InputTree.Skipped> skipped, int badNames) {
        Map<String, Integer> byReason = new TreeMap<>();
        for (InputTree.Skipped s : skipped) {
            log.info("Skipped {} ({})", s.name(), s.reason().code());
            byReason.merge(s.reason().code(), 1, Integer::sum);
        }
        if (!skipped.isEmpty()) {
            log.info("Skipped {} paths under the inputs: {}", skipped.size(), byReason.toString()
                    .replaceAll("[{}]", "").replace("=", ": "));
        }
        if (badNames > 0) {
            log.warn("{} file names are not valid in the file-name encoding {} (from the locale) and cannot be opened: "
                    + "they are rejected as unreadable-name", badNames, System.getProperty("sun.jnu.encoding"));
        }
    }
}
