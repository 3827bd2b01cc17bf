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
import java.util.Comparator;
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
 * lists its inputs once and keeps that list. Symbolic links are followed (loops are skipped); a file reached twice
 * (two overlapping input paths) is listed once.
 */
public final class InputTree {

    private static final Comparator<InputFile> ORDER = Comparator.comparing(InputFile::name);

    private InputTree() {
    }

    /**
     * Lists the regular files under {@code inputs} (each a file or a directory).
     *
     * @throws InputPathException if an input path does not exist ({@code MISSING}) or a directory cannot be read
     *                            ({@code UNREADABLE})
     */
    public static List<InputFile> list(List<Path> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new InputPathException(input, InputPathException.Problem.MISSING,
                        "input path does not exist: " + input, null);
            }
        }
        List<InputFile> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            walk(input, files, seen);
        }
        files.sort(ORDER);
        return List.copyOf(files);
    }

    /** Same as {@link #list(List)} for the given paths. */
    public static List<InputFile> list(Path... inputs) {
        return list(List.of(inputs));
    }

    static String nameOf(Path path) {
        String s = path.toString();
        return path.getFileSystem().getSeparator().equals("/") ? s : s.replace(path.getFileSystem().getSeparator(), "/");
    }

    private static void walk(Path input, List<InputFile> files, Set<Path> seen) {
        try {
            Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        // the real path of each directory being walked, resolved once for all its files
                        private final Map<Path, Path> realDirs = new HashMap<>();

                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            realDirs.put(dir, identity(dir));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                            realDirs.remove(dir);
                            return super.postVisitDirectory(dir, e);
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && seen.add(identity(file, realDirs))) {
                                files.add(new InputFile(file, attrs.size(), attrs.lastModifiedTime().toInstant()));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            Path where = e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null
                    ? Path.of(fse.getFile()) : input;
            InputPathException.Problem problem = Files.exists(where, LinkOption.NOFOLLOW_LINKS)
                    ? InputPathException.Problem.UNREADABLE : InputPathException.Problem.MISSING;
            throw new InputPathException(where, problem, (problem == InputPathException.Problem.MISSING
                    ? "input path does not exist: " : "input path cannot be read: ") + where, e);
        }
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
