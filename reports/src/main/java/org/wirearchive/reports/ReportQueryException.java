package org.wirearchive.reports;

import org.wirearchive.store.report.StoreReadException;

/** Reading the store for a report failed (missing table, lost connection, ...). Carries the SQL state. */
public class ReportQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportQueryException(String what, StoreReadException cause) {
        super("cannot read the store for " + what + ": " + cause.getMessage() + " (SQL state " + cause.sqlState()
                + ")", cause);
    }
}
