package org.wirearchive.batch.ingest;

import java.io.IOException;

/** A file of the frozen input list could not be read: the run fails, naming it, and restarts there once fixed. */
public class InputReadException extends RuntimeException {

    private final String path;

    public InputReadException(String path, IOException cause) {
        super("cannot read input file " + path + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
