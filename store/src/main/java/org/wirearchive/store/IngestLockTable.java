package org.wirearchive.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code ingest_lock} table: at most one row, the ingest lock ({@value #NAME}) and who holds it. Its times are the
 * database's {@code CURRENT_TIMESTAMP}, stored as instants, so processes in different time zones agree on a
 * heartbeat's age. The rules of taking it over belong to its users; this class only reads and writes the row.
 */
public class IngestLockTable {

    /** The name of the lock's row. */
    public static final String NAME = "ingest";

    /**
     * The row: who holds the lock and since when.
     *
     * @param holder  the holder's identity ({@code pid@host#object})
     * @param expired whether the heartbeat is older than the expiry the row was read with
     */
    public record Row(String holder, String host, long pid, Long executionId, LocalDate runDate, Instant acquired,
                      Instant heartbeat, boolean expired) {
    }

    private final JdbcTemplate jdbc;

    public IngestLockTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row for {@code holder}, acquired now; false when another holder's row is there. */
    public boolean insert(String holder, String host, long pid, LocalDate runDate) {
        try {
            jdbc.update("INSERT INTO ingest_lock (lock_name, holder, host, pid, run_date, acquired, heartbeat) "
                    + "VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", NAME, holder, host, pid,
                    Date.valueOf(runDate));
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /**
     * Gives the row of {@code previous} to {@code holder}, acquired now; false when the row changed since
     * {@code previous} was read (another holder, or a heartbeat since).
     */
    public boolean takeOver(String holder, String host, long pid, LocalDate runDate, Row previous) {
        return jdbc.update("UPDATE ingest_lock SET holder = ?, host = ?, pid = ?, execution_id = NULL, run_date = ?, "
                + "acquired = CURRENT_TIMESTAMP, heartbeat = CURRENT_TIMESTAMP WHERE lock_name = ? AND holder = ? "
                + "AND heartbeat = ?", holder, host, pid, Date.valueOf(runDate), NAME, previous.holder(),
                previous.heartbeat() == null ? null : Timestamp.from(previous.heartbeat())) == 1;
    }

    /** Records the execution the holder runs. */
    public void executionStarted(String holder, long executionId) {
        jdbc.update("UPDATE ingest_lock SET execution_id = ? WHERE lock_name = ? AND holder = ?", executionId, NAME,
                holder);
    }

    /** The holder's heartbeat: now. */
    public void beat(String holder) {
        jdbc.update("UPDATE ingest_lock SET heartbeat = CURRENT_TIMESTAMP WHERE lock_name = ? AND holder = ?", NAME,
                holder);
    }

    /** Deletes the holder's row (nothing when another holder has it). */
    public void release(String holder) {
        jdbc.update("DELETE FROM ingest_lock WHERE lock_name = ? AND holder = ?", NAME, holder);
    }

    /** The row, its heartbeat called expired when older than {@code expirySeconds}; null when nobody holds the lock. */
    public Row current(long expirySeconds) {
        List<Row> rows = jdbc.query("SELECT holder, host, pid, execution_id, run_date, acquired, heartbeat, "
                        + "CASE WHEN heartbeat < CURRENT_TIMESTAMP - INTERVAL '" + expirySeconds + "' SECOND THEN 1 ELSE 0 END "
                        + "FROM ingest_lock WHERE lock_name = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getLong(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)), rs.getInt(8) == 1), NAME);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
