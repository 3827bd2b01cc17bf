package org.wirearchive.batch.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import org.wirearchive.store.IngestLockTable;

/**
 * Reads the {@code ingest_lock} row ({@link IngestLockTable}) to tell a running execution from a crashed one: an execution marked STARTED whose
 * process holds the lock (alive on this host, or heartbeat fresh on another) is running; otherwise it crashed.
 */
public class LockProbe {

    /** The lock's holder, as stored. */
    public record Holder(String host, long pid, Long executionId, LocalDate runDate, boolean expired) {

        public boolean alive(String thisHost) {
            if (host.equals(thisHost)) {
                // this machine: the process tells, whatever the heartbeat says
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            }
            return !expired; // another machine: trust a fresh heartbeat
        }

        public String describe() {
            return "pid " + pid + " on " + host;
        }
    }

    private final IngestLockTable table;
    private final long expirySeconds;
    private final String thisHost;

    public LockProbe(IngestLockTable table, long expirySeconds) {
        this.table = table;
        this.expirySeconds = expirySeconds;
        this.thisHost = hostName();
    }

    /** The live holder running this execution (or its run date, before its execution id is recorded), or null. */
    public Holder liveHolderOf(long executionId, LocalDate runDate) {
        Holder h = current();
        if (h == null || !h.alive(thisHost)) {
            return null;
        }
        if (h.executionId() != null) {
            return h.executionId() == executionId ? h : null;
        }
        return runDate != null && runDate.equals(h.runDate()) ? h : null;
    }

    public Holder current() {
        IngestLockTable.Row r = table.current(expirySeconds);
        return r == null ? null : new Holder(r.host(), r.pid(), r.executionId(), r.runDate(), r.expired());
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
