package org.wirearchive.store.report;

import java.sql.SQLException;

/** Reading the store failed (missing table, lost connection, ...). The message is the database's; carries the SQL state. */
public class StoreReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public StoreReadException(SQLException cause) {
        super(cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQL state the database answered, or null. */
    public String sqlState() {
        return sqlState;
    }
}
