package org.wirearchive.batch;

/**
 * Process exit codes: documented in the README, relied on by cron wrappers and monitoring, and read by the console
 * from the {@code wirearchive jobs} processes it starts. {@link #of(Refusal.Kind)} is where a service's refusal
 * becomes one.
 */
public final class ExitCodes {

    /** The command did what was asked (for {@code ingest}: the job COMPLETED). */
    public static final int OK = 0;
    /** The job ran and ended FAILED or STOPPED (rerun the same date to restart it), or an operator action failed. */
    public static final int JOB_FAILED = 1;
    /** Bad command line: unknown option, missing argument, malformed value. */
    public static final int USAGE = 2;
    /** The environment is wrong: missing input, unwritable output or data directory, database unreachable. */
    public static final int ENVIRONMENT = 3;
    /** Another ingest is running (or its execution is still marked running); nothing was touched. */
    public static final int ALREADY_RUNNING = 4;
    /** The run for that date already completed; use {@code --force} to run it again. */
    public static final int ALREADY_COMPLETED = 5;
    /** An execution of that date was left running by a crashed process: {@code jobs recover} it, or use --recover. */
    public static final int RECOVERY_NEEDED = 6;
    /** An unexpected internal error (a bug): the message and the log file say more. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /** The exit code of a refusal of that kind. */
    public static int of(Refusal.Kind kind) {
        return switch (kind) {
            case USAGE -> USAGE;
            case NOT_FOUND -> ENVIRONMENT;
            case ALREADY_RUNNING -> ALREADY_RUNNING;
            case ALREADY_COMPLETED -> ALREADY_COMPLETED;
            case RECOVERY_NEEDED -> RECOVERY_NEEDED;
            case REFUSED -> JOB_FAILED;
        };
    }
}
