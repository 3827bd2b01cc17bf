package org.wirearchive.batch.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.batch.Pages;
import org.wirearchive.batch.cli.WirearchiveCli;

/** A small archive, a data directory with an H2 file database, and the CLI run in-process. */
abstract class OpsFixture {

    static final String CHUNK_SIZE = "wirearchive.chunk-size";

    @TempDir
    Path tmp;

    Path archive;
    Path data;
    Path out;

    @BeforeEach
    void setUpArchive() throws IOException {
        archive = tmp.resolve("archive");
        data = tmp.resolve("data");
        out = tmp.resolve("out");
        Pages.smallArchive(archive);
        // small chunks, so that a failure comes after some commits (Boot reads system properties)
        System.setProperty(CHUNK_SIZE, "2");
        PoisonTrigger.reset();
    }

    @AfterEach
    void clearChunkSize() {
        System.clearProperty(CHUNK_SIZE);
        PoisonTrigger.release();
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    Run cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = WirearchiveCli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    Run jobs(String... args) {
        List<String> all = new ArrayList<>(List.of("jobs"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        return cli(all.toArray(String[]::new));
    }

    Run ingest(String runDate) {
        return cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", runDate);
    }

    /** Creates the schema (any command that opens the database does) and installs the poison trigger. */
    void installPoisonTrigger() throws SQLException {
        connect().close(); // an empty database file: jobs list refuses a missing one
        cli("jobs", "list", "--data", data.toString());
        sql("CREATE TRIGGER poison BEFORE INSERT, UPDATE ON sources FOR EACH ROW CALL \""
                + PoisonTrigger.class.getName() + "\"");
    }

    void dropPoisonTrigger() throws SQLException {
        sql("DROP TRIGGER poison");
    }

    /** Leaves an execution as a kill -9 does: STARTED, no end time, its running step STARTED too. */
    void crash(long executionId) throws SQLException {
        sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL, EXIT_CODE = 'UNKNOWN', "
                + "EXIT_MESSAGE = '' WHERE JOB_EXECUTION_ID = " + executionId);
        sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL, EXIT_CODE = 'EXECUTING', "
                + "EXIT_MESSAGE = '' WHERE JOB_EXECUTION_ID = " + executionId + " AND STATUS = 'FAILED'");
        sql("UPDATE runs SET status = 'STARTED', finished = NULL WHERE last_execution_id = " + executionId);
    }

    void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    List<String> rows(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append('|');
                    }
                    sb.append(rs.getString(i) == null ? "" : rs.getString(i));
                }
                rows.add(sb.toString());
            }
            return rows;
        }
    }

    String one(String query) throws SQLException {
        List<String> r = rows(query);
        if (r.size() != 1) {
            throw new AssertionError(query + " returned " + r);
        }
        return r.get(0);
    }

    String executionStatus(long id) throws SQLException {
        return one("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + id);
    }

    long lastExecutionId() throws SQLException {
        return Long.parseLong(one("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("wirearchive")
                + ";AUTO_SERVER=TRUE", "sa", "");
    }
}
