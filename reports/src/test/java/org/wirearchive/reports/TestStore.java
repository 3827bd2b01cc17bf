package org.wirearchive.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh store per test (in-memory H2, or a new PostgreSQL database): the production schema, every migration of the
 * store module applied by Flyway; rows inserted by plain SQL.
 */
final class TestStore implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DataSource ds;
    private final Connection keepAlive;
    private final Runnable onClose;

    /** A fresh in-memory H2 database. */
    TestStore() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:reports-test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        this.ds = h2;
        try {
            keepAlive = ds.getConnection();
            migrate(ds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        onClose = () -> execute("SHUTDOWN");
    }

    private TestStore(DataSource ds, Runnable onClose) {
        this.ds = ds;
        this.onClose = onClose;
        try {
            keepAlive = ds.getConnection();
            migrate(ds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh PostgreSQL database on the server of {@code adminUrl} (a JDBC URL with user and password whose user may
     * create databases), dropped again on close.
     */
    static TestStore postgres(String adminUrl) {
        String name = "wa_reports_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection admin = java.sql.DriverManager.getConnection(adminUrl);
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
        return new TestStore(pg, () -> {
            try (Connection admin = java.sql.DriverManager.getConnection(adminUrl);
                    Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The production schema: every migration of the store module, applied by Flyway as the application does. */
    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
    }

    DataSource dataSource() {
        return ds;
    }

    /** An article row with sensible defaults for the NOT NULL columns. */
    Row article(String key) {
        return new Row("articles").set("article_key", key).set("body", "Body of " + key + ".")
                .set("body_sha256", sha(key)).set("body_length", ("Body of " + key + ".").length())
                .set("canonical_source", "archive/" + key + ".txt").set("source_count", 1);
    }

    Row source(String source, String status) {
        return new Row("sources").set("source", source).set("status", status);
    }

    Row run(long runId, LocalDate runDate) {
        return new Row("runs").set("run_id", runId).set("last_execution_id", runId * 10).set("run_date", runDate)
                .set("attempt", 0)
                .set("status", "COMPLETED");
    }

    /**
     * Inserts {@code n} accepted articles of run 1 in one statement, each with one input {@code in/X.txt}: keys
     * {@code menafn:(1109000000 + X)}; the provider, date and body are SQL expressions of {@code X}.
     */
    void bulkArticles(int n, String providerSql, String dateSql, String bodySql, int bodyLength) {
        execute("INSERT INTO articles (article_key, provider_key, published_date, body, body_sha256,"
                + " body_length, canonical_source, source_count, first_seen_run)"
                + " SELECT 'menafn:' || (1109000000 + X), " + providerSql + ", " + dateSql + ", " + bodySql
                + ", 'h' || X, " + bodyLength + ", 'in/' || X || '.txt', 1, 1 FROM SYSTEM_RANGE(1, " + n + ")");
        execute("INSERT INTO sources (source, status, article_key, run_id)"
                + " SELECT 'in/' || X || '.txt', 'accepted', 'menafn:' || (1109000000 + X), 1"
                + " FROM SYSTEM_RANGE(1, " + n + ")");
    }

    void execute(String sql) {
        try (Statement st = keepAlive.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All rows of a query as strings (getString), for comparing with CSV cells. */
    List<List<String>> query(String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    static String sha(String seed) {
        String hex = Integer.toHexString(seed.hashCode() & 0x7fffffff);
        return ("0".repeat(64) + hex).substring(hex.length());
    }

    @Override
    public void close() {
        try {
            if (ds instanceof JdbcDataSource) {
                onClose.run();
            }
            keepAlive.close();
        } catch (SQLException ignored) {
            // already shut down
        }
        if (!(ds instanceof JdbcDataSource)) {
            onClose.run();
        }
    }

    /** One row to insert: column values in order. */
    final class Row {
        private final String table;
        private final Map<String, Object> values = new LinkedHashMap<>();

        Row(String table) {
            this.table = table;
        }

        Row set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        void insert() {
            String cols = String.join(", ", values.keySet());
            String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
            try (PreparedStatement ps = keepAlive.prepareStatement(
                    "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
                int i = 1;
                for (Object v : values.values()) {
                    if (v instanceof LocalDate || v instanceof LocalDateTime) {
                        ps.setObject(i++, v);
                    } else {
                        ps.setObject(i++, v);
                    }
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
