package org.wirearchive.batch.cli;

/** An expected failure the user can fix: printed as one line (no stack trace), with its exit code. */
public class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
