package org.wirearchive.batch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wirearchive.batch.ExitCodes;
import picocli.CommandLine.Option;

/** The options that choose the database: shared by every command that uses it. */
public class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the embedded H2 database and the log file (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "A PostgreSQL or H2 JDBC URL (no other database is supported) instead of the embedded H2 "
                    + "database, e.g. jdbc:postgresql://host/db?user=u&password=p. "
                    + "Default: env WIREARCHIVE_DB_URL, else jdbc:h2:file:<data>/wirearchive.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: env WIREARCHIVE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (default: env WIREARCHIVE_DB_PASSWORD).")
    String dbPassword;

    /** Creates the data directory (for the log file and H2) and returns the Spring properties for the data source. */
    public Map<String, Object> springProperties() {
        Path dir = data.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot create the data directory " + dir + ": " + reason(e));
        }
        if (!Files.isWritable(dir)) {
            throw new UserError(ExitCodes.ENVIRONMENT, "the data directory " + dir + " is not writable");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        String url = firstNonBlank(dbUrl, System.getenv("WIREARCHIVE_DB_URL"));
        if (url == null) {
            // QUERY_CACHE_SIZE: H2 keeps 8 parsed statements per session by default; the ingest uses a few dozen, and
            // re-parsing them cost 2.7x in throughput (measured: 51 -> 138 inputs/s on 2,000 pages). Not many more:
            // whenever a transaction first changes a table, H2 walks every cached SELECT for its tables, and the
            // one-off texts (IN lists of literal numbers) would fill any size (256: 4% of the writer's samples)
            // WRITE_DELAY=0: a commit reaches the file at once, so kill -9 loses no committed chunk (with H2's default
            // delay the last half second of commits, the job execution's own row included, was lost on a kill)
            // MAX_COMPACT_TIME=0: no file compaction when the database closes (H2's default spends up to 200 ms moving
            // chunks, plus their reading and a young collection: 0.8-1.1 s of a nothing-new night's exit under load);
            // committed data is on disk either way, and the file was no larger without it (100,000 pages: 543 MB
            // against 553 MB; nothing-new nights reuse the free space)
            url = "jdbc:h2:file:" + dir.resolve("wirearchive")
                    + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0;MAX_COMPACT_TIME=0";
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new UserError(ExitCodes.USAGE, "unsupported database URL " + SpringContexts.withoutPassword(url)
                    + ": wirearchive works with H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://...) only");
        }
        props.put("spring.datasource.url", url);
        String user = firstNonBlank(dbUser, System.getenv("WIREARCHIVE_DB_USER"));
        String password = firstNonBlank(dbPassword, System.getenv("WIREARCHIVE_DB_PASSWORD"));
        if (user != null) {
            props.put("spring.datasource.username", user);
        } else if (url.startsWith("jdbc:h2:")) {
            props.put("spring.datasource.username", "sa");
        }
        if (password != null) {
            props.put("spring.datasource.password", password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // PostgreSQL's fast path for JDBC batches (one multi-row INSERT); a setting in the URL still wins
            props.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        }
        props.put("logging.file.name", dir.resolve("logs").resolve("wirearchive.log").toString());
        props.put("wirearchive.data-dir", dir.toString()); // left out of the inputs when it lies inside one
        return props;
    }

    /**
     * For the commands that only read (jobs, report): refuses (exit 3) a database that does not exist, naming it, and
     * creates nothing: the default H2 file must exist, and any H2 URL is opened with {@code IFEXISTS=TRUE}.
     */
    public Map<String, Object> existingDatabaseProperties() {
        if (firstNonBlank(dbUrl, System.getenv("WIREARCHIVE_DB_URL")) == null) {
            Path file = dataDir().resolve("wirearchive.mv.db");
            if (!Files.isRegularFile(file)) {
                throw new UserError(ExitCodes.ENVIRONMENT, "no database at " + file + " (is --data right?); "
                        + "nothing was created");
            }
        }
        Map<String, Object> props = springProperties();
        String url = String.valueOf(props.get("spring.datasource.url"));
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS")) {
            props.put("spring.datasource.url", url + ";IFEXISTS=TRUE");
        }
        return props;
    }

    public Path dataDir() {
        return data.toAbsolutePath().normalize();
    }

    static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
