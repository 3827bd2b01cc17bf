package org.wirearchive.core.format;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;

/**
 * The walk of {@link InputTree#scan} on several threads. It meets the same paths, with the same outcome and in the
 * same order, as {@code Files.walkFileTree} with {@code FOLLOW_LINKS} and {@link InputTree}'s visitor (the
 * sequential walk, which {@link InputTree#hasFiles} still uses): every directory is read by one task, its entries are
 * handled in slices of {@value #SLICE} by as many tasks, each subdirectory by a task of its own, and the results are
 * put together in the order a single thread would have met them. The identities of the files (the first one met of
 * two names of one file is listed) are compared while putting them together, in that order; a failure (a directory
 * that cannot be read, a file that cannot be stat'ed) is thrown only where the sequential walk would have thrown it.
 *
 * <p>It also costs less per file: one {@code lstat} (a {@code stat} more for a symbolic link), where the sequential
 * walk makes a {@code stat} and then an {@code lstat} to tell a link apart; and the name of each file is made once,
 * on the walking threads.
 */
final class ParallelWalk implements AutoCloseable {

    /** Directory entries handled by one task. */
    static final int SLICE = 256;

    /** Threads of the walk: I/O waits too, so at least two. */
    static final int THREADS = Math.min(8, Math.max(2, Runtime.getRuntime().availableProcessors()));

    /** What the walk met, in walk order. */
    private sealed interface Item permits Found, Skip, Failure, Sub {
    }

    /** A regular file to list: its identity (a file reached twice is listed once) and its name. */
    record Found(InputFile file, Path identity, String name, boolean opensByName) implements Item {
    }

    private record Skip(InputTree.Skipped skipped) implements Item {
    }

    /** Where the sequential walk would have stopped with this exception. */
    private record Failure(IOException error) implements Item {
    }

    /** The items of a subdirectory or of a slice of a directory's entries, in walk order. */
    private record Sub(ForkJoinTask<List<Item>> task) implements Item {
    }

    /** A directory being walked, and the ones above it (to find a symbolic link loop). */
    private record Ancestor(Path dir, Object key, Ancestor parent) {
    }

    private final Set<Path> excluded;
    private final ForkJoinPool pool;

    /** A walk that leaves out the {@code excluded} directories (real paths), on {@code threads} threads. */
    ParallelWalk(Set<Path> excluded, int threads) {
        this.excluded = excluded;
        this.pool = new ForkJoinPool(threads);
    }

    /**
     * Walks {@code input}; adds its files in walk order to {@code files} (each identity once: {@code seen}; the
     * identities stay there) and the skipped paths to {@code skipped}.
     *
     * @throws IOException the first failure in walk order, as the sequential walk throws it
     */
    void walk(Path input, List<InputTree.Listed> files, List<InputTree.Skipped> skipped, Set<Path> seen)
            throws IOException {
        List<Item> items = pool.invoke(new RecursiveTask<>() {
            @Override
            protected List<Item> compute() {
                List<Item> out = new ArrayList<>(1);
                visit(input, input, null, null, out);
                return out;
            }
        });
        merge(items, files, skipped, seen);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static void merge(List<Item> items, List<InputTree.Listed> files, List<InputTree.Skipped> skipped,
                              Set<Path> seen) throws IOException {
        for (Item item : items) {
            if (item instanceof Found f) {
                if (seen.add(f.identity())) {
                    files.add(new InputTree.Listed(f.file(), f.name(), f.opensByName()));
                }
            } else if (item instanceof Skip s) {
                skipped.add(s.skipped());
            } else if (item instanceof Sub sub) {
                merge(sub.task().join(), files, skipped, seen);
            } else {
                throw ((Failure) item).error();
            }
        }
    }

    /**
     * Visits one path as {@code Files.walkFileTree} does (attributes following links, else the link's own; a
     * directory: loop check, opened, then {@code preVisitDirectory}) and adds what it met to {@code out}; a
     * subdirectory as a task forked here.
     *
     * @return false after a failure (the sequential walk stops there)
     */
    private boolean visit(Path path, Path input, Path realParent, Ancestor ancestors, List<Item> out) {
        BasicFileAttributes attrs;
        boolean link;
        try {
            BasicFileAttributes own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            link = own.isSymbolicLink();
            attrs = own;
            if (link) {
                try {
                    attrs = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (IOException dangling) {
                    attrs = own; // as walkFileTree: the target is gone, the link itself is visited
                }
            }
        } catch (IOException e) {
            out.add(new Failure(e));
            return false;
        }
        if (!attrs.isDirectory()) {
            visitFile(path, input, attrs, link, realParent, out);
            return true;
        }
        Object key = attrs.fileKey();
        if (wouldLoop(path, key, ancestors)) {
            out.add(new Skip(new InputTree.Skipped(PathNames.display(path), InputTree.SkipReason.LINK_LOOP)));
            return true;
        }
        List<Path> entries = new ArrayList<>();
        IOException listing = null;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            // preVisitDirectory, once the directory is open (as walkFileTree)
            if (!path.equals(input) && InputTree.hidden(path)) {
                out.add(new Skip(new InputTree.Skipped(PathNames.display(path), InputTree.SkipReason.HIDDEN)));
                return true;
            }
            Path real = InputTree.identity(path);
            if (!excluded.isEmpty() && excluded.contains(real)) {
                out.add(new Skip(new InputTree.Skipped(PathNames.display(path),
                        InputTree.SkipReason.EXCLUDED_DIRECTORY)));
                return true;
            }
            try {
                for (Path entry : stream) {
                    entries.add(entry);
                }
            } catch (DirectoryIteratorException e) {
                listing = e.getCause(); // after the entries read so far (postVisitDirectory throws it)
            }
            DirectoryTask task = new DirectoryTask(entries, 0, entries.size(), input, real,
                    new Ancestor(path, key, ancestors), listing);
            task.fork();
            out.add(new Sub(task));
            return listing == null;
        } catch (IOException e) {
            out.add(new Failure(e));
            return false;
        }
    }

    private void visitFile(Path file, Path input, BasicFileAttributes attrs, boolean link, Path realParent,
                           List<Item> out) {
        boolean isInput = file.equals(input);
        InputTree.SkipReason skip = isInput ? null : InputTree.hidden(file) ? InputTree.SkipReason.HIDDEN
                : attrs.isSymbolicLink() ? InputTree.SkipReason.DANGLING_LINK // its target is gone
                : attrs.isOther() ? InputTree.SkipReason.SPECIAL_FILE
                : InputTree.reportFile(file) ? InputTree.SkipReason.REPORT_FILE : null;
        if (skip == null && isInput && !attrs.isRegularFile()) {
            skip = attrs.isSymbolicLink() ? InputTree.SkipReason.DANGLING_LINK : InputTree.SkipReason.SPECIAL_FILE;
        }
        if (skip != null) {
            out.add(new Skip(new InputTree.Skipped(PathNames.display(file), skip)));
        } else if (attrs.isRegularFile()) {
            Path identity = realParent == null || link ? InputTree.identity(file)
                    : realParent.resolve(file.getFileName());
            boolean opens = PathNames.opensByName(file);
            out.add(new Found(new InputFile(file, attrs.size(), attrs.lastModifiedTime().toInstant()), identity,
                    opens ? InputTree.nameOf(file) : PathNames.display(file), opens));
        }
    }

    /** As walkFileTree with FOLLOW_LINKS: a directory that is one of the directories being walked above it. */
    private static boolean wouldLoop(Path dir, Object key, Ancestor ancestors) {
        for (Ancestor a = ancestors; a != null; a = a.parent()) {
            if (key != null && a.key() != null) {
                if (key.equals(a.key())) {
                    return true;
                }
            } else {
                try {
                    if (Files.isSameFile(dir, a.dir())) {
                        return true;
                    }
                } catch (IOException | SecurityException ignored) {
                    // as walkFileTree: not known to be the same
                }
            }
        }
        return false;
    }

    /** The entries {@code [from, to)} of one directory; slices of {@link #SLICE} entries become tasks of their own. */
    private final class DirectoryTask extends RecursiveTask<List<Item>> {
        private final List<Path> entries;
        private final int from;
        private final int to;
        private final Path input;
        private final Path realDir;
        private final Ancestor ancestors;
        /** Thrown after the last entry (the directory could not be read to its end); null if none. */
        private final IOException listing;

        DirectoryTask(List<Path> entries, int from, int to, Path input, Path realDir, Ancestor ancestors,
                      IOException listing) {
            this.entries = entries;
            this.from = from;
            this.to = to;
            this.input = input;
            this.realDir = realDir;
            this.ancestors = ancestors;
            this.listing = listing;
        }

        @Override
        protected List<Item> compute() {
            List<Item> out = new ArrayList<>();
            if (to - from > SLICE) {
                for (int start = from; start < to; start += SLICE) {
                    DirectoryTask slice = new DirectoryTask(entries, start, Math.min(to, start + SLICE), input,
                            realDir, ancestors, null);
                    if (start + SLICE < to) {
                        slice.fork();
                        out.add(new Sub(slice));
                    } else {
                        out.addAll(slice.compute()); // the last slice on this thread
                    }
                }
            } else {
                for (int i = from; i < to; i++) {
                    if (!visit(entries.get(i), input, realDir, ancestors, out)) {
                        return out;
                    }
                }
            }
            if (listing != null) {
                out.add(new Failure(listing));
            }
            return out;
        }
    }
}
