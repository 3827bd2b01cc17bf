package org.wirearchive.batch.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The freeze's walk of the input paths, begun by the {@code ingest} command on a thread of its own before the
 * application context starts, so that listing the files (one {@code lstat} per entry: ~0.6 s at 100,000 files) runs
 * beside the JVM's and Spring's start-up instead of after it.
 *
 * <p>The freeze ({@link FreezeInputsTasklet}) takes the walk only if it was begun for the same input paths and the
 * same excluded directories it would walk itself, and walks again otherwise; the command discards a walk not taken
 * when it ends (a refused or restarted night does not freeze). A walk begun ~1 s before the freeze is a snapshot
 * of the inputs taken that much earlier: a file that arrives in between is new the next night, as one arriving just
 * after the freeze always was. A directory the application creates while it starts (the data or report directory,
 * when it lies inside an input) makes the freeze walk again, so that it is named as skipped every time. The comparison with the manifest and everything after it happen in the freeze, under
 * the ingest lock, as before.
 */
public final class EarlyWalk {

    private record Key(String input, List<Path> excluded) {
    }

    /**
     * @param absent the excluded directories that lay inside an input and did not exist when the walk began: the
     *               application creates them while it starts (the data directory, the report directory), so the walk
     *               may or may not have met them, and a walk that did not would not name them as skipped
     */
    private record Pending(Key key, CompletableFuture<FreezeInputsTasklet.Walked> walk, List<Path> absent) {
    }

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private EarlyWalk() {
    }

    /** The {@code input} job parameter of these input paths: absolute, normalized, joined by the path separator. */
    public static String inputParameter(List<Path> inputs) {
        return inputs.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The directories the freeze leaves out of the walk: the base of the run's report directory ({@code --out}; the
     * run writes to its {@code <run-date>} subdirectory) and the data directory (null if none).
     */
    static List<Path> excluded(String runOut, Path dataDir) {
        Path outBase = runOut == null ? null : Path.of(runOut).getParent();
        return Stream.of(outBase, dataDir).filter(Objects::nonNull).toList();
    }

    /**
     * Begins the walk of {@code inputs} on a daemon thread, for the run writing its reports to {@code runOut} with
     * data directory {@code dataDir}; replaces any walk begun before and not taken.
     */
    public static void begin(List<Path> inputs, Path runOut, Path dataDir) {
        Key key = new Key(inputParameter(inputs),
                excluded(runOut.toAbsolutePath().normalize().toString(), dataDir));
        List<Path> absent = absentInside(inputs, key.excluded());
        CompletableFuture<FreezeInputsTasklet.Walked> walk = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                walk.complete(FreezeInputsTasklet.walk(key.input(), key.excluded()));
            } catch (Throwable e) { // handed to the freeze, which throws it as its own walk would have
                walk.completeExceptionally(e);
            }
        }, "input-walk");
        thread.setDaemon(true);
        PENDING.set(new Pending(key, walk, absent));
        thread.start();
    }

    /**
     * The walk begun for exactly these input paths and excluded directories, waiting for it to end; null if none
     * was (then the caller walks). Taken once: a second call returns null.
     */
    static FreezeInputsTasklet.Walked take(String input, List<Path> excluded) {
        Pending pending = PENDING.getAndSet(null);
        if (pending == null || !pending.key().equals(new Key(input, List.copyOf(excluded)))
                || pending.absent().stream().anyMatch(Files::exists)) {
            return null; // a directory to leave out appeared inside an input during the walk: walk again
        }
        try {
            return pending.walk().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The {@code excluded} directories that do not exist and would lie inside one of the {@code inputs}. */
    static List<Path> absentInside(List<Path> inputs, List<Path> excluded) {
        List<Path> roots = new ArrayList<>();
        for (Path input : inputs) {
            Path abs = input.toAbsolutePath().normalize();
            roots.add(abs);
            try {
                roots.add(abs.toRealPath());
            } catch (IOException e) {
                // a missing input: the walk reports it
            }
        }
        List<Path> absent = new ArrayList<>();
        for (Path dir : excluded) {
            Path abs = dir.toAbsolutePath().normalize();
            if (!Files.exists(abs) && roots.stream().anyMatch(abs::startsWith)) {
                absent.add(abs);
            }
        }
        return absent;
    }

    /** Forgets a walk not taken (the command's end). */
    public static void discard() {
        PENDING.set(null);
    }
}
