package org.wirearchive.reports.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wirearchive.reports.files.ReportWriteException;

/**
 * Report files written atomically: each goes to a temporary file in the output directory, and only when every file
 * is complete are they renamed into place ({@code ATOMIC_MOVE}, else {@code REPLACE_EXISTING}). A crash leaves either
 * the old file or the new one, never half of one; {@link #close()} deletes temporaries left by a failure.
 */
public final class StagedFiles implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    /** Creates the directory when missing and checks it can hold files. */
    public StagedFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (FileAlreadyExistsException e) {
            throw new ReportWriteException(this.dir, "it exists and is not a directory", e);
        } catch (AccessDeniedException e) {
            throw new ReportWriteException(this.dir, "permission denied", e);
        } catch (IOException e) {
            throw new ReportWriteException(this.dir, "the directory cannot be created (" + e + ")", e);
        }
        if (!Files.isDirectory(this.dir)) {
            throw new ReportWriteException(this.dir, "it is not a directory", null);
        }
    }

    /** A new temporary file for the final file {@code name}, hidden ({@code .name.*.tmp}) in the output directory. */
    public Path stage(String name) {
        Path target = dir.resolve(name);
        for (int attempt = 0;; attempt++) {
            // Files.createFile, unlike createTempFile, keeps the usual permissions (umask): reports are shared files
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.createFile(tmp);
                staged.put(target, tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw new ReportWriteException(dir, "cannot create a temporary file in it", e);
                }
            } catch (IOException e) {
                throw new ReportWriteException(dir, "cannot create a file in it (" + e + ")", e);
            }
        }
    }

    /**
     * Stages the final file {@code name} as a hard link to {@code existing} (a copy where links are not possible):
     * the same bytes without writing them again.
     */
    public void link(String name, Path existing) {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try {
                Files.createLink(tmp, existing);
            } catch (UnsupportedOperationException | IOException notLinked) {
                Files.copy(existing, tmp, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new ReportWriteException(existing, "cannot be reused for " + target + " (" + e + ")", e);
        }
        staged.put(target, tmp);
    }

    /** Renames every staged file into place, in staging order; returns the final paths. */
    public List<Path> commit() {
        List<Path> done = new ArrayList<>();
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            Path target = e.getKey();
            Path tmp = e.getValue();
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException ex) {
                throw new ReportWriteException(target, "cannot move the finished file into place (" + ex + ")", ex);
            }
            done.add(target);
        }
        staged.clear();
        return done;
    }

    /** Deletes temporaries that were not committed. */
    @Override
    public void close() {
        for (Path tmp : staged.values()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the file is hidden and named .tmp
            }
        }
        staged.clear();
    }
}
