package org.wirearchive.core.format;

import java.nio.file.Path;
import java.util.Objects;

/** An input path that cannot be listed: it does not exist, or a directory under it cannot be read. */
public final class InputPathException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the path. */
    public enum Problem { MISSING, UNREADABLE }

    private final transient Path path;
    private final Problem problem;

    public InputPathException(Path path, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.path = Objects.requireNonNull(path, "path");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The path that failed (an input path as given, or a directory below it). */
    public Path path() {
        return path;
    }

    public Problem problem() {
        return problem;
    }
}
