package org.wirearchive.batch.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.wirearchive.batch.Refusal;

/**
 * Spring Batch's {@code recover} of an execution left running by a crash, retried while its step executions still
 * move: after the manager of a remote run is killed, its workers go on with the partitions they hold and update those
 * step executions, so recover's update of a step may find a newer version than it read. Each retry reads the
 * execution again. If the steps still move after {@link #ATTEMPTS} attempts, the recovery is refused with one line.
 */
public final class Recovery {

    static final int ATTEMPTS = 30;
    private static final long PAUSE_MS = 500;
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /** Recovers {@code execution} (as {@link JobOperator#recover}), reading it again after a concurrent update. */
    public static JobExecution recover(JobOperator operator, JobRepository repository, JobExecution execution) {
        JobExecution e = execution;
        for (int attempt = 1; ; attempt++) {
            try {
                return operator.recover(e);
            } catch (OptimisticLockingFailureException moved) {
                if (attempt >= ATTEMPTS) {
                    throw new Refusal(Refusal.Kind.REFUSED, "execution " + execution.getId() + " could not be "
                            + "recovered: its steps are still being updated (a remote worker still running a "
                            + "partition?). Stop the workers or wait until they finish, then recover again.");
                }
                log.info("Recover of execution {}: a step was updated meanwhile ({}); reading it again",
                        execution.getId(), moved.getMessage());
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw moved;
                }
                e = repository.getJobExecution(execution.getId());
            }
        }
    }
}
