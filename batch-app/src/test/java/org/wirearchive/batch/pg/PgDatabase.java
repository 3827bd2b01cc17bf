package org.wirearchive.batch.pg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh PostgreSQL database for one test, created (UTF8, C collation, like {@code scripts/pg.sh}) on the server that
 * {@code WA_TEST_PG_URL} names and dropped again on close. The URL's user must be allowed to create databases
 * ({@code scripts/pg.sh start} gives the {@code wirearchive} role CREATEDB).
 *
 * <p>Without {@code WA_TEST_PG_URL} the test is skipped by a JUnit assumption; with {@code WA_TEST_PG_REQUIRED=true}
 * (set by {@code .ci/run}) it fails instead, so that CI never silently skips PostgreSQL.
 */
public final class PgDatabase implements AutoCloseable {

    static final String URL_VARIABLE = "WA_TEST_PG_URL";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String adminUrl;
    private final String name;
    private final String url;

    private PgDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = adminUrl.replaceFirst("^(jdbc:postgresql://[^/?]*)/[^/?]*", "$1/" + name);
    }

    /** The server's admin URL from the environment; skips the calling test (or fails it in CI) when there is none. */
    static String serverUrl() {
        String url = System.getenv(URL_VARIABLE);
        boolean set = url != null && url.startsWith("jdbc:postgresql:");
        if (!set && "true".equalsIgnoreCase(System.getenv("WA_TEST_PG_REQUIRED"))) {
            throw new IllegalStateException(URL_VARIABLE + " is not a jdbc:postgresql: URL but WA_TEST_PG_REQUIRED=true");
        }
        assumeTrue(set, "PostgreSQL tests skipped: " + URL_VARIABLE + " is not set. Run `scripts/pg.sh start` and "
                + "`export " + URL_VARIABLE + "=$(scripts/pg.sh url)` (as .ci/run does) to run them.");
        return url;
    }

    /** Creates a new, empty database named after this process and a counter. */
    static PgDatabase create() throws SQLException {
        String admin = serverUrl();
        String name = "wa_batch_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            dropDatabase(st, name);
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return new PgDatabase(admin, name);
    }

    /** The JDBC URL of this database, with the server URL's query (credentials) kept. */
    String url() {
        return url;
    }

    /** The same URL without its query string: no credentials in it. */
    String urlWithoutCredentials() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Each row as its columns joined by '|' (NULL as empty). */
    List<String> rows(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            return Rows.of(rs);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            dropDatabase(st, name);
        }
    }

    /** Result sets as lines, shared with the H2 side of the tests. */
    static final class Rows {
        private Rows() {
        }

        static List<String> of(ResultSet rs) throws SQLException {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append('|');
                    }
                    String v = rs.getString(i);
                    sb.append(v == null ? "" : v);
                }
                rows.add(sb.toString());
            }
            return rows;
        }
    }

    /**
     * Drops a test database, retrying for a few seconds: a server process of another role (autovacuum on a server
     * not started by scripts/pg.sh) may still be connected, and FORCE cannot end it for a non-superuser.
     */
    public static void dropDatabase(Statement st, String name) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (attempt >= 20) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
