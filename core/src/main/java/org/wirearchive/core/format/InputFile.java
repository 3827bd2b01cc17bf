package org.wirearchive.core.format;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One regular file found under the input paths, as frozen for a run.
 *
 * @param path         the file's path, built from the input path as given (relative stays relative)
 * @param size         its size in bytes when listed
 * @param lastModified its modification time when listed
 */
public record InputFile(Path path, long size, Instant lastModified) {

    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /**
     * The path with {@code /} separators: the source name used in reports and for ordering. A name that the
     * process's file-name encoding cannot decode is shown escaped ({@link PathNames#display}).
     */
    public String name() {
        return PathNames.display(path);
    }

    /** Whether {@link #name()} opens this file again (false: the name's bytes are not valid in the encoding). */
    public boolean opensByName() {
        return PathNames.opensByName(path);
    }
}
