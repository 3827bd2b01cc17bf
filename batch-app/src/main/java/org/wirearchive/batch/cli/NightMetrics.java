package org.wirearchive.batch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Driver;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.wirearchive.batch.ops.PrometheusTextFile;
import org.wirearchive.store.RunStore;

/** Writes {@code --metrics-file} for a night however it ended, with the last success read from the database. */
final class NightMetrics {

    private static final Logger log = LoggerFactory.getLogger(NightMetrics.class);

    private NightMetrics() {
    }

    /** Writes the file; a failure to write it is one line on stderr, never a change of the exit code. */
    static void write(PrintWriter err, Path file, PrometheusTextFile.Night night, Instant lastSuccess) {
        try {
            PrometheusTextFile.write(file, night, Instant.now(), lastSuccess);
        } catch (RuntimeException e) {
            err.println("wirearchive: could not write the metrics file " + file + ": " + e.getMessage());
            err.flush();
        }
    }

    /** The last success from the running application's database, or null. */
    static Instant lastSuccess(ConfigurableApplicationContext ctx) {
        try {
            return ctx.getBean(RunStore.class).lastSuccess();
        } catch (RuntimeException e) {
            log.warn("Could not read the last successful run for the metrics file: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The last success read with a plain connection, for a night that ended before the application started (a
     * missing input, a usage error): null if the database does not exist (it is never created here) or cannot be read.
     */
    static Instant lastSuccess(DatabaseOptions db) {
        try {
            Map<String, Object> props = db.springProperties();
            String url = String.valueOf(props.get("spring.datasource.url"));
            if (url.startsWith("jdbc:h2:")) {
                url = url + ";IFEXISTS=TRUE";
            }
            Driver driver = (Driver) Class.forName(DatabaseDriver.fromJdbcUrl(url).getDriverClassName())
                    .getDeclaredConstructor().newInstance();
            SimpleDriverDataSource ds = new SimpleDriverDataSource(driver, url,
                    (String) props.get("spring.datasource.username"), (String) props.get("spring.datasource.password"));
            return new RunStore(ds).lastSuccess();
        } catch (Exception | LinkageError e) {
            return null; // no database yet, or unreachable: the metrics say "no success known" (0)
        }
    }
}
