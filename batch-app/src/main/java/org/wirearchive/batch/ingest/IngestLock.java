package org.wirearchive.batch.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.store.IngestLockTable;

/**
 * One ingest at a time, across processes and machines that share the database: a row in {@code ingest_lock}
 * ({@link IngestLockTable}), kept alive by a heartbeat. The times are the database's {@code CURRENT_TIMESTAMP} stored as instants, so processes in
 * different time zones agree on a heartbeat's age. A holder on this host is taken over only when its process is gone
 * (never while it lives, however old its heartbeat); a holder on another host when its heartbeat is older than the
 * expiry. The new holder is told whom it replaced.
 */
public class IngestLock {

    private static final Logger log = LoggerFactory.getLogger(IngestLock.class);
    /** Who holds (or held) the lock. */
    public record Holder(String holder, String host, long pid, Long executionId, LocalDate runDate, Instant acquired,
                         Instant heartbeat, boolean expired) {

        static Holder of(IngestLockTable.Row r) {
            return r == null ? null : new Holder(r.holder(), r.host(), r.pid(), r.executionId(), r.runDate(),
                    r.acquired(), r.heartbeat(), r.expired());
        }

        IngestLockTable.Row row() {
            return new IngestLockTable.Row(holder, host, pid, executionId, runDate, acquired, heartbeat, expired);
        }

        boolean processGone(String thisHost) {
            return host.equals(thisHost) && !holderAlive(pid, acquired);
        }

        /**
         * Whether the lock may be taken from this holder: on this host only when its process is gone (a live holder
         * is never taken over, however old its heartbeat); on another host when its heartbeat expired.
         */
        boolean replaceable(String thisHost) {
            return host.equals(thisHost) ? processGone(thisHost) : expired;
        }

        public String describe() {
            return "pid " + pid + " on " + host + (executionId == null ? "" : ", execution " + executionId)
                    + (runDate == null ? "" : ", run date " + runDate) + ", since "
                    + (acquired == null ? "?" : OperatorZone.show(acquired));
        }
    }

    /** A held lock; closing it releases it. */
    public final class Lease implements AutoCloseable {
        private final ScheduledExecutorService heartbeat;
        private final Holder replaced;

        private Lease(Holder replaced) {
            this.replaced = replaced;
            this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ingest-lock-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, expirySeconds / 4);
            heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.SECONDS);
        }

        /** The stale holder this lease replaced, or null. */
        public Holder replaced() {
            return replaced;
        }

        public void executionStarted(long executionId) {
            table.executionStarted(me, executionId);
        }

        private void beat() {
            try {
                table.beat(me);
            } catch (DataAccessException e) {
                log.warn("Lock heartbeat failed: {}", e.getMessage());
            }
        }

        @Override
        public void close() {
            heartbeat.shutdownNow();
            try {
                table.release(me);
            } catch (DataAccessException e) {
                log.warn("Could not release the ingest lock (it will expire): {}", e.getMessage());
            }
        }
    }

    /** The lock is held by a live process. */
    public static final class BusyException extends RuntimeException {
        private final transient Holder holder;

        BusyException(Holder holder) {
            super("another ingest is running: " + holder.describe());
            this.holder = holder;
        }

        public Holder holder() {
            return holder;
        }
    }

    private final IngestLockTable table;
    private final long expirySeconds;
    private final String host;
    private final long pid;
    private final String me;

    public IngestLock(IngestLockTable table, long expirySeconds) {
        this.table = table;
        this.expirySeconds = expirySeconds;
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.me = pid + "@" + host + "#" + Integer.toHexString(System.identityHashCode(this));
    }

    /** Takes the lock, replacing a stale holder; throws {@link BusyException} if a live ingest holds it. */
    public Lease acquire(LocalDate runDate) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (table.insert(me, host, pid, runDate)) {
                return new Lease(null);
            }
            Holder h = current();
            if (h == null) {
                continue; // released meanwhile: try again
            }
            if (!h.replaceable(host)) {
                throw new BusyException(h);
            }
            if (table.takeOver(me, host, pid, runDate, h.row())) {
                log.warn("Took over the ingest lock from a holder that is gone ({}): {}",
                        h.processGone(host) ? "its process is gone" : "no heartbeat for over " + expirySeconds + " s",
                        h.describe());
                return new Lease(h);
            }
        }
        Holder h = current();
        throw new BusyException(h != null ? h : new Holder("?", "?", -1, null, null, null, null, false));
    }

    /** The current holder, or null. */
    public Holder current() {
        return Holder.of(table.current(expirySeconds));
    }

    /**
     * Whether process {@code pid} of this host is alive and is the one that took the lock at {@code acquired}: a
     * process started (well) after that is another one that reused the pid of a holder that is gone.
     */
    static boolean holderAlive(long pid, Instant acquired) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> acquired == null || p.info().startInstant()
                        .map(started -> !started.isAfter(acquired.plus(PID_REUSE_SLACK))).orElse(true))
                .orElse(false);
    }

    private static final Duration PID_REUSE_SLACK = Duration.ofMinutes(1);

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
