package org.wirearchive.batch.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.api.Trigger;

/**
 * An H2 trigger on {@code sources} that makes the store fail on an input whose path contains "poison" (a database
 * failure in the middle of the file step), and holds the writing transaction of an input whose path contains "slow"
 * until {@link #release()} (so a test can act on a job that is really running).
 */
public class PoisonTrigger implements Trigger {

    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch gate = new CountDownLatch(1);

    static void reset() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    static void release() {
        gate.countDown();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String source = String.valueOf(newRow[0]);
        if (source.contains("poison")) {
            throw new SQLException("poisoned input: " + source);
        }
        if (source.contains("slow")) {
            entered.countDown();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new SQLException("test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(e);
            }
        }
    }
}
