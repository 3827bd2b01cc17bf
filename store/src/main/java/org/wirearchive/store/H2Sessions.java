package org.wirearchive.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What the store does differently on H2: which database a connection reaches, and H2's lazy query execution. */
public final class H2Sessions {

    private H2Sessions() {
    }

    /** Whether {@code c} is a connection to H2 (else PostgreSQL, the only other database wirearchive works with). */
    public static boolean isH2(Connection c) throws SQLException {
        return "H2".equals(c.getMetaData().getDatabaseProductName());
    }

    /**
     * Turns H2's lazy query execution on or off for the session of {@code c}: lazily, the rows of a query that needs no
     * sort come straight from the index as they are read; otherwise H2 collects the whole result first, and writes a
     * large one to a temporary file and reads it back. A session setting, transactional (no implicit commit).
     */
    public static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
