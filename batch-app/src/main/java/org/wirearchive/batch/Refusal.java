package org.wirearchive.batch;

/**
 * An expected refusal of a service (ingest, the operator's job actions): the state of the runs, the lock or the
 * request forbids what was asked. Its message is the one line the operator reads; its {@link Kind} says what kind of
 * refusal it is, and each front end turns that into its own answer: the command line into an exit code
 * ({@link ExitCodes#of(Kind)}), the console into an HTTP status.
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What was refused, and why. */
    public enum Kind {
        /** The request contradicts the run it would restart (e.g. another {@code --workers} mode). */
        USAGE,
        /** No ingest job execution has the given id. */
        NOT_FOUND,
        /** Another ingest holds the lock, or the date's execution is running. Nothing was touched. */
        ALREADY_RUNNING,
        /** The run for that date already completed (or was abandoned): only a forced run starts it again. */
        ALREADY_COMPLETED,
        /** The date's execution was left running by a crashed process: it must be recovered first. */
        RECOVERY_NEEDED,
        /** The execution's state forbids the operator's action (restart, stop, abandon, recover). */
        REFUSED
    }

    private final Kind kind;

    public Refusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
