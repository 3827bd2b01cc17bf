package org.wirearchive.reports.files;

import java.nio.file.Path;

/** A report could not be written: the output directory is unwritable, the disk is full, ... Names the path. */
public class ReportWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public ReportWriteException(Path path, String problem, Throwable cause) {
        super("cannot write reports to " + path + ": " + problem, cause);
        this.path = path;
    }

    /** The file or directory that could not be written. */
    public Path path() {
        return path;
    }
}
