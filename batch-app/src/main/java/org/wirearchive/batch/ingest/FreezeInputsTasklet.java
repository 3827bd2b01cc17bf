package org.wirearchive.batch.ingest;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.wirearchive.core.format.InputTree;
import org.wirearchive.store.ManifestTable;
import org.wirearchive.store.RunInputTable;
import org.wirearchive.store.RunStore;

/**
 * First step of a run: lists every regular file under the input paths in a fixed (sorted) order, compares each with
 * the manifest (size and modification time), and freezes the list of files to process (new and changed ones, or all
 * with {@code full}) in {@code run_inputs} for the job instance. A restart skips this step and reads the same list.
 * An unchanged file costs a directory-walk entry and a manifest lookup, never a read of its content.
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
    /** Manifest rows read while the walk runs, at most (the rest is read after it, page by page). */
    private static final int PREFETCH = 100_000;

    /** Keys of the counts saved in the job's execution context. */
    public static final String FILES_SEEN = "files.seen";
    public static final String FILES_NEW = "files.new";
    public static final String FILES_CHANGED = "files.changed";
    public static final String FILES_UNCHANGED = "files.unchanged";

    private final RunInputTable inputs;
    private final ManifestTable manifest;
    private final RunStore runs;
    private final Path dataDir;
    private final int scanPage;

    /** @param dataDir the data directory (database, log), left out of the inputs; null if none */
    public FreezeInputsTasklet(RunInputTable inputs, ManifestTable manifest, RunStore runs, Path dataDir) {
        this(inputs, manifest, runs, dataDir, SCAN_PAGE);
    }

    /** Only the manifest comparison, with another page size of its scan (tests). */
    FreezeInputsTasklet(ManifestTable manifest, int scanPage) {
        this(null, manifest, null, null, scanPage);
    }

    private FreezeInputsTasklet(RunInputTable inputs, ManifestTable manifest, RunStore runs, Path dataDir,
                                int scanPage) {
        this.inputs = inputs;
        this.manifest = manifest;
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
            ProcessHandle.current().info().startInstant().ifPresent(start -> log.debug(
                    "start-up {} s: process start to the first input walk",
                    String.format(Locale.ROOT, "%.2f", Duration.between(start, Instant.now()).toMillis() / 1000.0)));
        }
        var jobExecution = contribution.getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        String input = jobExecution.getJobParameters().getString(IngestParameters.INPUT);
        boolean full = Boolean.parseBoolean(jobExecution.getJobParameters().getString(IngestParameters.FULL));
        inputs.clear(instanceId);

        String out = jobExecution.getJobParameters().getString(IngestParameters.OUT);
        List<Path> excluded = new ArrayList<>();
        if (out != null && Path.of(out).getParent() != null) {
            excluded.add(Path.of(out).getParent()); // --out: the base of the run's DIR/<run-date>
        }
        if (dataDir != null) {
            excluded.add(dataDir);
        }
        long walkStart = System.nanoTime();
        // the walk on its own threads while this one (the step's, in its transaction) reads the manifest's first rows
        // (the listing's paths are dropped there: only the names, sizes and times stay in memory)
        FutureTask<Walked> walk = new FutureTask<>(() -> walked(scan(input, excluded)));
        Thread walker = new Thread(walk, "freeze-walk");
        walker.setDaemon(true);
        walker.start();
        Prefetch prefetch = prefetch(input);
        long prefetchNanos = System.nanoTime() - walkStart;
        Walked walked = join(walk);
        List<Found> files = walked.files();
        long walkNanos = System.nanoTime() - walkStart;
        logSkipped(walked.skipped(), files);
        // looked up with --full too: --full processes the unchanged files, it does not make them new
        Known[] known = known(files, prefetch);
        int seq = 0;
        int fresh = 0;
        int changed = 0;
        int unchanged = 0;
        List<RunInputTable.Entry> rows = new ArrayList<>(BATCH);
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
        insertRunInputs(instanceId, rows);
        log.debug("freeze: walk of {} files {} ms (manifest read meanwhile: {} rows, {} ms), manifest comparison and "
                + "run_inputs {} ms", files.size(), walkNanos / 1_000_000, prefetch == null ? 0 : prefetch.rows().size(),
                prefetchNanos / 1_000_000, (System.nanoTime() - walkStart - walkNanos) / 1_000_000);
        ExecutionContext ctx = jobExecution.getExecutionContext();
        ctx.putInt(FILES_SEEN, files.size());
        ctx.putInt(FILES_NEW, fresh);
        ctx.putInt(FILES_CHANGED, changed);
        ctx.putInt(FILES_UNCHANGED, unchanged);
        runs.fileCounts(instanceId, fresh, changed, unchanged, full, walked.skipped().size());
        contribution.incrementWriteCount(seq);
        log.info("Input: {} files under {}: {} new, {} changed, {} unchanged; to process: {}{}", files.size(),
                input.replace(File.pathSeparator, ", "), fresh, changed, unchanged, seq,
                full ? " (--full: the unchanged ones too)" : "");
        return RepeatStatus.FINISHED;
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
        return known(files, null);
    }

    /** {@link #known(List)}, starting from the rows {@code prefetch} read (null: none) when they cover the files. */
    Known[] known(List<Found> files, Prefetch prefetch) {
        Known[] known = new Known[files.size()];
        if (files.isEmpty()) {
            return known;
        }
        if (!manifest.ordersPathsAsJava() || !scan(files, known, prefetch)) {
            Arrays.fill(known, null);
            for (int from = 0; from < files.size(); from += BATCH) {
                lookup(files, from, Math.min(files.size(), from + BATCH), known);
            }
        }
        return known;
    }

    /** The ordered scan and merge; false if the database returned a path out of {@link String#compareTo} order. */
    boolean scan(List<Found> files, Known[] known) {
        return scan(files, known, null);
    }

    /**
     * The ordered scan and merge, from the rows {@code prefetch} read when every file's name lies in its range (then
     * they are every manifest row of the files up to the last one read); false if the database returned a path out
     * of {@link String#compareTo} order.
     */
    boolean scan(List<Found> files, Known[] known, Prefetch prefetch) {
        String last = files.get(files.size() - 1).name();
        String from = files.get(0).name();
        boolean inclusive = true;
        Merge merge = new Merge(files, known);
        if (prefetch != null && prefetch.covers(from, last)) {
            prefetch.rows().forEach(merge);
            if (merge.disordered) {
                log.warn("The manifest's order differs from the file list's; comparing by look-ups instead");
                return false;
            }
            if (prefetch.rows().size() < prefetch.max() || merge.previous == null) {
                return true; // every row of the range was read
            }
            from = merge.previous;
            inclusive = false;
        }
        while (true) {
            int rows = manifest.scan(from, inclusive, last, scanPage, merge);
            if (merge.disordered) {
                log.warn("The manifest's order differs from the file list's; comparing by look-ups instead");
                return false;
            }
            if (rows < scanPage) {
                return true;
            }
            from = merge.previous;
            inclusive = false;
        }
    }

    /** Merges manifest rows, in key order, with the sorted file list: each file's row into {@code known}. */
    private static final class Merge implements Consumer<ManifestTable.Entry> {
        private final List<Found> files;
        private final Known[] known;
        private int next;
        private String previous;
        private boolean disordered;

        Merge(List<Found> files, Known[] known) {
            this.files = files;
            this.known = known;
        }

        @Override
        public void accept(ManifestTable.Entry e) {
            String path = e.path();
            if (disordered || (previous != null && previous.compareTo(path) >= 0)) {
                disordered = true;
                return;
            }
            previous = path;
            int i = next;
            int c = -1;
            while (i < files.size() && (c = files.get(i).name().compareTo(path)) < 0) {
                i++;
            }
            if (c == 0) {
                known[i] = new Known(e.sizeBytes(), e.modifiedMillis());
                i++;
            }
            next = i;
        }
    }

    /**
     * The first {@code max} manifest rows (or fewer: all) of the key range {@code [from, to]} in which every name
     * under the input paths lies (an input path {@code R}, or {@code R/...}), in key order.
     */
    record Prefetch(String from, String to, int max, List<ManifestTable.Entry> rows) {
        boolean covers(String first, String last) {
            return first.compareTo(from) >= 0 && last.compareTo(to) <= 0;
        }
    }

    /**
     * Reads the manifest's first rows of the input paths' key range, on H2 (which orders paths as Java does; null
     * elsewhere): the walk has not listed the files yet, so the range is that of every name an input path can give.
     */
    Prefetch prefetch(String input) {
        return prefetch(input, PREFETCH);
    }

    /** {@link #prefetch(String)} of at most {@code max} rows (tests). */
    Prefetch prefetch(String input, int max) {
        if (!manifest.ordersPathsAsJava()) {
            return null;
        }
        String from = null;
        String to = null;
        for (String part : input.split(File.pathSeparator)) {
            String root = Path.of(part).toAbsolutePath().normalize().toString();
            // R and R/...: from R up to R's prefix with the '/' after it raised to '0' (the next character)
            String prefix = root.endsWith("/") ? root : root + "/";
            String end = prefix.substring(0, prefix.length() - 1) + (char) ('/' + 1);
            from = from == null || root.compareTo(from) < 0 ? root : from;
            to = to == null || end.compareTo(to) > 0 ? end : to;
        }
        if (from == null) {
            return null;
        }
        List<ManifestTable.Entry> rows = new ArrayList<>();
        manifest.scan(from, true, to, max, rows::add);
        return new Prefetch(from, to, max, rows);
    }

    /** The files of a listing as the freeze compares and records them, and the paths skipped. */
    record Walked(List<Found> files, List<InputTree.Skipped> skipped) {
    }

    private static Walked walked(InputTree.Listing listing) {
        List<Found> files = new ArrayList<>(listing.listed().size());
        for (InputTree.Listed f : listing.listed()) {
            long modified = f.file().lastModified().toEpochMilli();
            files.add(f.opensByName() // then the name is the path's string (Linux: '/' separators)
                    ? new Found(f.file().path().toString(), f.file().size(), modified)
                    : new Found(f.name(), InputFile.UNREADABLE_NAME, modified));
        }
        return new Walked(files, listing.skipped());
    }

    private static <T> T join(FutureTask<T> walk) {
        try {
            return walk.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // an InputPathException as it was thrown
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the inputs", e);
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

    /** Every regular file under the input paths (absolute, normalized), sorted by name, and the paths skipped. */
    static InputTree.Listing scan(String input, List<Path> excluded) {
        List<Path> roots = new ArrayList<>();
        for (String part : input.split(File.pathSeparator)) {
            roots.add(Path.of(part).toAbsolutePath().normalize());
        }
        return InputTree.scan(roots, excluded);
    }

    private static void logSkipped(List<InputTree.Skipped> skipped, List<Found> files) {
        Map<String, Integer> byReason = new TreeMap<>();
        for (InputTree.Skipped s : skipped) {
            log.info("Skipped {} ({})", s.name(), s.reason().code());
            byReason.merge(s.reason().code(), 1, Integer::sum);
        }
        if (!skipped.isEmpty()) {
            log.info("Skipped {} paths under the inputs: {}", skipped.size(), byReason.toString()
                    .replaceAll("[{}]", "").replace("=", ": "));
        }
        long badNames = files.stream().filter(f -> f.size() == InputFile.UNREADABLE_NAME).count();
        if (badNames > 0) {
            log.warn("{} file names are not valid in the file-name encoding {} (from the locale) and cannot be opened: "
                    + "they are rejected as unreadable-name", badNames, System.getProperty("sun.jnu.encoding"));
        }
    }
}
