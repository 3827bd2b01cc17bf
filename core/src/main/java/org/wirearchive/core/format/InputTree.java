package org.wirearchive.core.format;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lists every regular file under the input paths, recursively, in a fixed order: sorted by {@link InputFile#name()}
 * (the path with {@code /} separators), compared char by char, independent of locale and file system order. A run
 * lists its inputs once and keeps that list. Symbolic links are followed; a file reached twice (two overlapping input
 * paths) is listed once.
 *
 * <p>What is not an input is skipped, and each skipped path is returned with its reason ({@link #scan}): hidden files
 * and directories (a name starting with {@code .}, below an input path), dangling symbolic links, link loops, special
 * files (FIFOs, sockets, devices), excluded directories (the application's own output and data directories, when they
 * lie inside an input) and the report files of a report directory (a directory holding {@code run_summary.csv}).
 */
public final class InputTree {

    /** The files of the application's report directories (a directory holding {@code run_summary.csv}). */
    static final Set<String> REPORT_FILES = Set.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
            "provider_daily.csv", "run_summary.csv", "report.html", "summary.json");

    /** Why a path under the inputs is not an input file. */
    public enum SkipReason {
        HIDDEN("hidden"),
        DANGLING_LINK("dangling-symlink"),
        LINK_LOOP("symlink-loop"),
        SPECIAL_FILE("special-file"),
        EXCLUDED_DIRECTORY("output-or-data-directory"),
        REPORT_FILE("report-file");

        private final String code;

        SkipReason(String code) {
            this.code = code;
        }

        /** Stable code for logs and reports. */
        public String code() {
            return code;
        }
    }

    /** A path under the inputs that is not listed, by its display name ({@link PathNames#display}). */
    public record Skipped(String name, SkipReason reason) {
    }

    /**
     * The files to read and the paths skipped. The files are in name order ({@link #scan}) when {@code ordered}, else
     * in the order the walk met them ({@link #scanInAnyOrder}); the skipped paths are in {@link #scan}'s order.
     */
    public record Listing(List<InputFile> files, List<Skipped> skipped, boolean ordered) {
        public Listing {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Receives each regular file a walk lists, as the walk meets it: a caller that keeps less than an
     * {@link InputFile} per file (a name, a size, a time) keeps the walk's paths from outliving it.
     */
    @FunctionalInterface
    public interface FileSink {
        /** A file listed: its path, its size and its modification time as the walk read them. */
        void file(Path path, long size, FileTime lastModified);
    }

    /**
     * What {@link #scanInAnyOrder(List, Collection, Supplier)} found: the sink that received the files (in the walk's
     * order unless {@code ordered}), and the paths skipped, in {@link #scan}'s order.
     */
    public record Scanned<S extends FileSink>(S files, List<Skipped> skipped, boolean ordered) {
        public Scanned {
            skipped = List.copyOf(skipped);
        }
    }

    /** The sink of {@link #scan}: the files as a list. */
    private static final class ListSink implements FileSink {
        final List<InputFile> files = new ArrayList<>();

        @Override
        public void file(Path path, long size, FileTime lastModified) {
            files.add(new InputFile(path, size, lastModified.toInstant()));
        }
    }

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};

    /** A walk met a symbolic link below its input: the order of the walk decides which path of a file is listed. */
    private static final class OrderMatters extends RuntimeException {
        private static final OrderMatters INSTANCE = new OrderMatters();

        private OrderMatters() {
            super(null, null, false, false);
        }
    }

    private InputTree() {
    }

    /**
     * Lists the regular files under {@code inputs} (each a file or a directory).
     *
     * @throws InputPathException if an input path does not exist ({@code MISSING}) or a directory cannot be read
     *                            ({@code UNREADABLE})
     */
    public static List<InputFile> list(List<Path> inputs) {
        return scan(inputs, Set.of()).files();
    }

    /**
     * Lists the regular files under {@code inputs} and the paths skipped, leaving out the {@code excluded}
     * directories (and everything under them) where they lie inside an input.
     *
     * <p>Each directory's entries are visited in the order of their names (a directory's name with a {@code /}
     * appended, as it appears in its files' names), so a single input's files come out already in
     * {@link InputFile#name()} order; the list is sorted only if it is not (several inputs, names shown escaped).
     * Of a file reached twice (overlapping inputs, symbolic links), the path met first in that walk is listed.
     *
     * @throws InputPathException as {@link #list(List)}
     */
    public static Listing scan(List<Path> inputs, Collection<Path> excluded) {
        Objects.requireNonNull(inputs, "inputs");
        requireExisting(inputs);
        ListSink sink = new ListSink();
        Walk walk = new Walk(excludedIds(excluded), false, false, sink);
        walk.inputs(inputs);
        List<InputFile> files = sink.files;
        // one input whose names are all path strings is in name order by construction (see Walk): not checked again
        if ((inputs.size() > 1 || walk.escapedNames) && !sortedByName(files)) {
            // each name once (a name that is not valid in the file-name encoding is rebuilt from its bytes)
            List<Map.Entry<String, InputFile>> named = new ArrayList<>(files.size());
            for (InputFile f : files) {
                named.add(Map.entry(f.name(), f));
            }
            named.sort(Map.Entry.comparingByKey());
            files = named.stream().map(Map.Entry::getValue).toList();
        }
        return new Listing(files, walk.skipped, true);
    }

    /**
     * As {@link #scan}, except that the files may be listed in the order the walk met them (each directory's own
     * order) instead of by name: when there is one input and no symbolic link below it, so that every file is reached
     * once whatever the order ({@link Listing#ordered()} is then false); otherwise, and when a path cannot be read
     * (so that the error names the same path as {@link #scan}), this is {@link #scan}. Sorting the files by name
     * afterwards ({@link #sortByName}) gives {@link #scan}'s list; the skipped paths are in its order already.
     *
     * <p>For a caller that may need only the set of files: a night that finds the same listing as the night before
     * compares no file, and sorting 100,000 names (and compiling the sort) was a sixth of its walk.
     */
    public static Listing scanInAnyOrder(List<Path> inputs, Collection<Path> excluded) {
        Scanned<ListSink> scanned = scanInAnyOrder(inputs, excluded, ListSink::new);
        return new Listing(scanned.files().files, scanned.skipped(), scanned.ordered());
    }

    /**
     * As {@link #scanInAnyOrder(List, Collection)}, handing each file to a sink as the walk meets it instead of
     * listing it: the files go to the sink {@link Scanned#files()} returns, the last one {@code sinks} supplied (a
     * walk that has to be redone in name order, as {@link #scan}, starts a new sink; the one before it is dropped).
     *
     * <p>For a caller that keeps a name and two numbers per file: at 100,000 files the walk's own listing (paths,
     * their strings, instants) was 41 MB still reachable at the walk's end, copied by the young collection that
     * met it.
     */
    public static <S extends FileSink> Scanned<S> scanInAnyOrder(List<Path> inputs, Collection<Path> excluded,
                                                                 Supplier<S> sinks) {
        Objects.requireNonNull(inputs, "inputs");
        requireExisting(inputs);
        if (inputs.size() == 1) {
            S sink = sinks.get();
            Walk walk = new Walk(excludedIds(excluded), false, true, sink);
            try {
                walk.inputs(inputs);
                List<Map.Entry<String, Skipped>> keyed = new ArrayList<>(walk.skipped.size());
                for (int i = 0; i < walk.skipped.size(); i++) {
                    keyed.add(Map.entry(walk.skippedKeys.get(i), walk.skipped.get(i)));
                }
                keyed.sort(Map.Entry.comparingByKey());
                return new Scanned<>(sink, keyed.stream().map(Map.Entry::getValue).toList(), false);
            } catch (OrderMatters | InputPathException e) {
                // walked again in name order below
            }
        }
        Listing listing = scan(inputs, excluded);
        S sink = sinks.get();
        for (InputFile f : listing.files()) {
            sink.file(f.path(), f.size(), FileTime.from(f.lastModified()));
        }
        return new Scanned<>(sink, listing.skipped(), true);
    }

    /**
     * Sorts {@code items} by their names in {@link String#compareTo} order: {@link #scan}'s order when the names are
     * the files' {@link InputFile#name()}. The names usually share a long prefix (the input's path), which is found
     * once: comparing from its end gives the same order without reading it again in every one of the n log n
     * comparisons (a sort of 2,300 full paths was a quarter of a cold walk's samples).
     */
    public static <T> void sortByName(List<T> items, Function<? super T, String> name) {
        if (items.size() < 2) {
            return;
        }
        String first = name.apply(items.get(0));
        int common = first.length();
        for (int i = 1; i < items.size() && common > 0; i++) {
            String k = name.apply(items.get(i));
            int n = Math.min(common, k.length());
            int j = 0;
            while (j < n && first.charAt(j) == k.charAt(j)) {
                j++;
            }
            common = j;
        }
        int from = common;
        items.sort((a, b) -> compareFrom(name.apply(a), name.apply(b), from));
    }

    /**
     * Whether there is at least one file to read under {@code inputs} (the same rules as {@link #scan}); stops at
     * the first one, so a full archive costs one directory entry.
     */
    public static boolean hasFiles(List<Path> inputs, Collection<Path> excluded) {
        requireExisting(inputs);
        Walk walk = new Walk(excludedIds(excluded), true, false, (path, size, lastModified) -> { });
        walk.inputs(inputs);
        return walk.listed > 0;
    }

    private static Set<Path> excludedIds(Collection<Path> excluded) {
        Set<Path> excludedIds = new HashSet<>();
        for (Path e : excluded) {
            excludedIds.add(identity(e));
        }
        return excludedIds;
    }

    private static boolean sortedByName(List<InputFile> files) {
        String previous = null;
        for (InputFile f : files) {
            String name = f.name();
            if (previous != null && previous.compareTo(name) > 0) {
                return false;
            }
            previous = name;
        }
        return true;
    }

    private static void requireExisting(List<Path> inputs) {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new InputPathException(input, InputPathException.Problem.MISSING,
                        "input path does not exist: " + input, null);
            }
        }
    }

    /** Same as {@link #list(List)} for the given paths. */
    public static List<InputFile> list(Path... inputs) {
        return list(List.of(inputs));
    }

    static String nameOf(Path path) {
        String s = path.toString();
        return path.getFileSystem().getSeparator().equals("/") ? s : s.replace(path.getFileSystem().getSeparator(), "/");
    }

    /** What a directory entry is, as a walk that follows symbolic links sees it. */
    private enum Kind { DIRECTORY, REGULAR, OTHER, DANGLING }

    /**
     * A directory entry with what the walk needs of its attributes (read once: {@code lstat}, and {@code stat} for a
     * symbolic link only; null when it is neither a directory nor a regular file). {@code key} orders a directory's
     * entries: the file's name, or a directory's with '/'.
     */
    private record Entry(Path path, Kind kind, boolean link, BasicFileAttributes attrs, String key) {
    }

    /**
     * One depth-first walk over the inputs, symbolic links followed, with the skip rules of {@link #scan}: the same
     * events as {@link Files#walkFileTree} with {@link FileVisitOption#FOLLOW_LINKS} (a directory is opened before it
     * is checked; a link loop is a directory whose file key is one of its ancestors'), in name order. A file reached
     * twice can only be met through a symbolic link or overlapping inputs: until one of them is met no identity is
     * kept; then the identities of the files listed so far are derived from their input's real path.
     */
    private static final class Walk {
        private final Set<Path> excluded;
        private final boolean firstOnly;
        /** Entries visited in each directory's own order; a symbolic link below the input ends the walk. */
        private final boolean anyOrder;
        private final FileSink sink;
        /** The files handed to the sink. */
        int listed;
        final List<Skipped> skipped = new ArrayList<>();
        /** With {@link #anyOrder}: each skipped path's sort key (a directory's with '/'), to put them in order. */
        final List<String> skippedKeys = new ArrayList<>();
        /** The real path of each file listed, once a file can be reached twice; null before. */
        private Set<Path> seen;
        /** The inputs walked so far, their real paths and the number of files listed before each. */
        private final List<Path> roots = new ArrayList<>();
        private final List<Path> realRoots = new ArrayList<>();
        private final List<Integer> firstFile = new ArrayList<>();
        /** The directories being walked (ancestors of the current entry) and their file keys. */
        private final ArrayDeque<Path> openDirs = new ArrayDeque<>();
        private final ArrayDeque<Optional<Object>> openKeys = new ArrayDeque<>();
        private boolean done;
        /** Whether a name met was rebuilt from its bytes ({@link PathNames#display}) instead of the path's string. */
        boolean escapedNames;

        Walk(Set<Path> excluded, boolean firstOnly, boolean anyOrder, FileSink sink) {
            this.excluded = excluded;
            this.firstOnly = firstOnly;
            this.anyOrder = anyOrder;
            this.sink = sink;
        }

        private void skip(String name, SkipReason reason, String key) {
            skipped.add(new Skipped(name, reason));
            if (anyOrder) {
                skippedKeys.add(key != null ? key : name);
            }
        }

        void inputs(List<Path> inputs) {
            List<Path> reals = new ArrayList<>(inputs.size());
            for (Path input : inputs) {
                reals.add(identity(input));
            }
            if (!firstOnly && overlap(reals)) {
                seen = new HashSet<>();
            }
            for (int i = 0; i < inputs.size() && !done; i++) {
                roots.add(inputs.get(i));
                realRoots.add(reals.get(i));
                firstFile.add(listed);
                input(inputs.get(i));
            }
        }

        private static boolean overlap(List<Path> reals) {
            for (int i = 0; i < reals.size(); i++) {
                for (int j = 0; j < reals.size(); j++) {
                    if (i != j && reals.get(i).startsWith(reals.get(j))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void input(Path input) {
            try {
                Entry root = entry(input, false);
                if (root.kind() == Kind.DIRECTORY) {
                    directory(root, true);
                } else if (root.kind() == Kind.REGULAR) {
                    list(root, null);
                } else {
                    skip(PathNames.display(input),
                            root.kind() == Kind.DANGLING ? SkipReason.DANGLING_LINK : SkipReason.SPECIAL_FILE, null);
                }
            } catch (IOException e) {
                Path where = input;
                if (e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null) {
                    try {
                        where = Path.of(fse.getFile());
                    } catch (java.nio.file.InvalidPathException badName) {
                        where = input;
                    }
                }
                InputPathException.Problem problem = Files.exists(where, LinkOption.NOFOLLOW_LINKS)
                        ? InputPathException.Problem.UNREADABLE : InputPathException.Problem.MISSING;
                throw new InputPathException(where, problem, (problem == InputPathException.Problem.MISSING
                        ? "input path does not exist: " : "input path cannot be read: ") + where, e);
            }
        }

        /** The entry's attributes: its own, or its target's when it is a symbolic link whose target exists. */
        private Entry entry(Path path, boolean keyed) throws IOException {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW);
            boolean link = attrs.isSymbolicLink();
            String name = keyed ? name(path) : null;
            if (link) {
                try {
                    attrs = Files.readAttributes(path, BasicFileAttributes.class, FOLLOW);
                } catch (IOException dangling) {
                    return new Entry(path, Kind.DANGLING, true, null, name);
                }
            }
            if (attrs.isDirectory()) {
                return new Entry(path, Kind.DIRECTORY, link, attrs, keyed ? name + "/" : null);
            }
            if (attrs.isRegularFile()) {
                return new Entry(path, Kind.REGULAR, link, attrs, name);
            }
            return new Entry(path, attrs.isOther() ? Kind.OTHER : Kind.DANGLING, link, null, name);
        }

        /** The path's {@link PathNames#display} name (its {@link InputFile#name()} when it is a file). */
        private String name(Path path) {
            if (PathNames.opensByName(path)) {
                return nameOf(path);
            }
            escapedNames = true;
            return PathNames.display(path);
        }

        private void directory(Entry dir, boolean isInput) throws IOException {
            Path path = dir.path();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
                if (!isInput && hidden(path)) {
                    skip(PathNames.display(path), SkipReason.HIDDEN, dir.key());
                    return;
                }
                Path real = identity(path);
                if (!excluded.isEmpty() && excluded.contains(real)) {
                    String name = PathNames.display(path);
                    skip(name, SkipReason.EXCLUDED_DIRECTORY, dir.key() != null ? dir.key() : name + "/");
                    return;
                }
                openDirs.push(path);
                openKeys.push(Optional.ofNullable(dir.attrs().fileKey()));
                try {
                    if (firstOnly) {
                        for (Path p : stream) {
                            visit(entry(p, false), real);
                            if (done) {
                                return;
                            }
                        }
                    } else if (anyOrder) {
                        for (Path p : stream) {
                            Entry e = entry(p, true);
                            if (e.link()) {
                                throw OrderMatters.INSTANCE;
                            }
                            visit(e, real);
                        }
                    } else {
                        List<Entry> entries = new ArrayList<>();
                        for (Path p : stream) {
                            entries.add(entry(p, true));
                        }
                        sortByKey(entries);
                        for (Entry e : entries) {
                            visit(e, real);
                        }
                    }
                } catch (DirectoryIteratorException e) {
                    throw e.getCause();
                } finally {
                    openDirs.pop();
                    openKeys.pop();
                }
            }
        }

        private void visit(Entry e, Path realDir) throws IOException {
            if (e.kind() == Kind.DIRECTORY) {
                if (wouldLoop(e.path(), e.attrs().fileKey())) {
                    skip(PathNames.display(e.path()), SkipReason.LINK_LOOP, e.key());
                    return;
                }
                if (e.link()) {
                    keepIdentities();
                }
                directory(e, false);
                return;
            }
            Path file = e.path();
            SkipReason skip = hidden(file) ? SkipReason.HIDDEN
                    : e.kind() == Kind.DANGLING ? SkipReason.DANGLING_LINK
                    : e.kind() == Kind.OTHER ? SkipReason.SPECIAL_FILE
                    : reportFile(file) ? SkipReason.REPORT_FILE : null;
            if (skip != null) {
                skip(PathNames.display(file), skip, e.key());
                return;
            }
            if (e.link()) {
                keepIdentities();
            }
            list(e, realDir);
        }

        /** Lists a regular file unless it was listed before (under another path). */
        private void list(Entry e, Path realDir) {
            if (seen != null) {
                Path id = realDir == null || e.link() ? identity(e.path()) : realDir.resolve(e.path().getFileName());
                if (!seen.add(id)) {
                    return;
                }
            }
            sink.file(e.path(), e.attrs().size(), e.attrs().lastModifiedTime());
            listed++;
            if (firstOnly) {
                done = true;
            }
        }

        /**
         * From now on a file may be reached twice: keep the real path of every file listed. Those listed so far were
         * reached without a symbolic link below their input, so theirs is the input's real path and their path below
         * it.
         */
        private void keepIdentities() {
            if (seen != null || firstOnly) {
                return;
            }
            if (!(sink instanceof ListSink list)) {
                throw OrderMatters.INSTANCE; // not reached: a walk in any order ends at its first symbolic link
            }
            List<InputFile> files = list.files;
            seen = new HashSet<>(Math.max(16, files.size() * 2));
            for (int r = 0; r < roots.size(); r++) {
                int end = r + 1 < roots.size() ? firstFile.get(r + 1) : files.size();
                Path root = roots.get(r);
                Path realRoot = realRoots.get(r);
                for (int i = firstFile.get(r); i < end; i++) {
                    Path path = files.get(i).path();
                    seen.add(path.equals(root) ? realRoot : realRoot.resolve(root.relativize(path)));
                }
            }
        }

        /** As {@code FileTreeWalker}: a directory whose file key (else {@link Files#isSameFile}) is an ancestor's. */
        private boolean wouldLoop(Path dir, Object key) {
            var keys = openKeys.iterator();
            for (Path ancestor : openDirs) {
                Object ancestorKey = keys.next().orElse(null);
                if (key != null && ancestorKey != null) {
                    if (key.equals(ancestorKey)) {
                        return true;
                    }
                } else {
                    try {
                        if (Files.isSameFile(dir, ancestor)) {
                            return true;
                        }
                    } catch (IOException | SecurityException ignored) {
                        // not the same, as FileTreeWalker decides
                    }
                }
            }
            return false;
        }
    }

    /** Sorts a directory's entries by key, in {@link String#compareTo} order. */
    private static void sortByKey(List<Entry> entries) {
        sortByName(entries, Entry::key);
    }

    /** {@code a.compareTo(b)} for two strings whose first {@code from} chars are equal. */
    static int compareFrom(String a, String b, int from) {
        int n = Math.min(a.length(), b.length());
        for (int i = from; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Whether the path's last name starts with a dot (read from the path's string: no name element built). */
    private static boolean hidden(Path p) {
        String s = p.toString();
        int from = s.lastIndexOf(p.getFileSystem().getSeparator()) + 1;
        return from < s.length() && s.charAt(from) == '.';
    }

    private static boolean reportFile(Path file) {
        String s = file.toString();
        int from = s.lastIndexOf(file.getFileSystem().getSeparator()) + 1;
        boolean named = false;
        for (String report : REPORT_FILES) {
            named |= s.length() - from == report.length() && s.startsWith(report, from);
        }
        if (!named) {
            return false; // the common case: no parent path built (UnixPath.getParent parses the whole path)
        }
        Path dir = file.getParent();
        return dir != null && Files.isRegularFile(dir.resolve("run_summary.csv"));
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
