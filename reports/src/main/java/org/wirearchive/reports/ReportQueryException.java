package org.wirearchive.reports;

import java.sql.SQLException;

/** Reading the store for a report failed (missing table, lost connection, ...). Carries the SQL state. */
public class ReportQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportQueryException(String what, SQLException cause) {
        super("cannot read the store for " + what + ": " + cause.getMessage() + " (SQL state " + cause.getSQLState()
                + ")", cause);
    }
}
