package org.wirearchive.core.format;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /** The files to read, in order, and the paths skipped (in the order met). */
    public record Listing(List<InputFile> files, List<Skipped> skipped) {
        public Listing {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
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
     * @throws InputPathException as {@link #list(List)}
     */
    public static Listing scan(List<Path> inputs, Collection<Path> excluded) {
        Objects.requireNonNull(inputs, "inputs");
        requireExisting(inputs);
        Set<Path> excludedIds = new HashSet<>();
        for (Path e : excluded) {
            excludedIds.add(identity(e));
        }
        List<InputFile> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            walk(input, excludedIds, files, skipped, seen, false);
        }
        // each name once (a name that is not valid in the file-name encoding is rebuilt from its bytes)
        List<Map.Entry<String, InputFile>> named = new ArrayList<>(files.size());
        for (InputFile f : files) {
            named.add(Map.entry(f.name(), f));
        }
        named.sort(Map.Entry.comparingByKey());
        return new Listing(named.stream().map(Map.Entry::getValue).toList(), skipped);
    }

    /**
     * Whether there is at least one file to read under {@code inputs} (the same rules as {@link #scan}); stops at
     * the first one, so a full archive costs one directory entry.
     */
    public static boolean hasFiles(List<Path> inputs, Collection<Path> excluded) {
        requireExisting(inputs);
        Set<Path> excludedIds = new HashSet<>();
        for (Path e : excluded) {
            excludedIds.add(identity(e));
        }
        List<InputFile> files = new ArrayList<>();
        for (Path input : inputs) {
            walk(input, excludedIds, files, new ArrayList<>(), new HashSet<>(), true);
            if (!files.isEmpty()) {
                return true;
            }
        }
        return false;
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

    private static void walk(Path input, Set<Path> excluded, List<InputFile> files, List<Skipped> skipped,
                             Set<Path> seen, boolean firstOnly) {
        try {
            Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        // the real path of each directory being walked, resolved once for all its files
                        private final Map<Path, Path> realDirs = new HashMap<>();

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                            realDirs.remove(dir);
                            return super.postVisitDirectory(dir, e);
                        }

                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(input) && hidden(dir)) {
                                skipped.add(new Skipped(PathNames.display(dir), SkipReason.HIDDEN));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            Path real = identity(dir);
                            if (!excluded.isEmpty() && excluded.contains(real)) {
                                skipped.add(new Skipped(PathNames.display(dir), SkipReason.EXCLUDED_DIRECTORY));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            realDirs.put(dir, real);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            SkipReason skip = file.equals(input) ? null : hidden(file) ? SkipReason.HIDDEN
                                    : attrs.isSymbolicLink() ? SkipReason.DANGLING_LINK // FOLLOW_LINKS: its target is gone
                                    : attrs.isOther() ? SkipReason.SPECIAL_FILE
                                    : reportFile(file) ? SkipReason.REPORT_FILE : null;
                            if (skip == null && file.equals(input) && !attrs.isRegularFile()) {
                                skip = attrs.isSymbolicLink() ? SkipReason.DANGLING_LINK : SkipReason.SPECIAL_FILE;
                            }
                            if (skip != null) {
                                skipped.add(new Skipped(PathNames.display(file), skip));
                            } else if (attrs.isRegularFile() && seen.add(identity(file, realDirs))) {
                                files.add(new InputFile(file, attrs.size(), attrs.lastModifiedTime().toInstant()));
                                if (firstOnly) {
                                    return FileVisitResult.TERMINATE;
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                skipped.add(new Skipped(PathNames.display(file), SkipReason.LINK_LOOP));
                                return FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }
                    });
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

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean reportFile(Path file) {
        Path name = file.getFileName();
        Path dir = file.getParent();
        return name != null && dir != null && REPORT_FILES.contains(name.toString())
                && Files.isRegularFile(dir.resolve("run_summary.csv"));
    }

    /**
     * The real path of a file found in a walked directory: the directory's real path and the file's name, unless the
     * file is a symbolic link (then resolved on its own). The same as {@link Path#toRealPath} with one {@code lstat}
     * instead of one per path component.
     */
    private static Path identity(Path file, Map<Path, Path> realDirs) {
        Path parent = file.getParent();
        Path realParent = parent == null ? null : realDirs.get(parent);
        if (realParent == null || Files.isSymbolicLink(file)) {
            return identity(file);
        }
        return realParent.resolve(file.getFileName());
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
