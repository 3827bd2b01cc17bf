package org.wirearchive.batch.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the {@code ingest_lock} row to tell a running execution from a crashed one: an execution marked STARTED whose
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

    private final JdbcTemplate jdbc;
    private final long expirySeconds;
    private final String thisHost;

    public LockProbe(JdbcTemplate jdbc, long expirySeconds) {
        this.jdbc = jdbc;
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
        List<Holder> rows = jdbc.query("SELECT host, pid, execution_id, run_date, "
                        + "CASE WHEN heartbeat < CURRENT_TIMESTAMP - INTERVAL '" + expirySeconds + "' SECOND THEN 1 ELSE 0 END "
                        + "FROM ingest_lock",
                (rs, i) -> new Holder(rs.getString(1), rs.getLong(2),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getInt(5) == 1));
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
