package org.wirearchive.batch.cli;

/**
 * An expected failure the command line finds itself (a bad option value, a missing input, an unreachable database) and
 * the user can fix: printed as one line (no stack trace), with its exit code. The services refuse with a
 * {@link org.wirearchive.batch.Refusal} instead, which {@link WirearchiveCli} maps to an exit code.
 */
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
