package org.wirearchive.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.wirearchive.store.IngestLockTable;

/**
 * The ingest lock between processes in different time zones, on a real H2 file database: each holder's connection
 * has its own session time zone, as the connections of two processes started with different {@code TZ} do.
 */
class IngestLockZoneTests {

    @TempDir
    Path dir;

    JdbcTemplate session(String zone) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE '" + zone + "'");
        }
        return new JdbcTemplate(new SingleConnectionDataSource(c, true));
    }

    @ParameterizedTest(name = "held in UTC, asked from {0}")
    @ValueSource(strings = {"Asia/Kuwait", "America/Los_Angeles", "Pacific/Kiritimati"})
    @DisplayName("a live holder with a fresh heartbeat is busy for a process in any other zone")
    void freshHolderIsBusyInEveryZone(String zone) throws Exception {
        Flyway.configure().dataSource("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", "sa", "")
                .locations("classpath:db/migration").load().migrate();
        IngestLock a = new IngestLock(new IngestLockTable(session("UTC")), 120);
        try (IngestLock.Lease held = a.acquire(LocalDate.of(2026, 11, 27))) {
            IngestLock b = new IngestLock(new IngestLockTable(session(zone)), 120);
            assertThat(b.current()).isNotNull();
            assertThat(b.current().expired()).as("the heartbeat seen from " + zone).isFalse();
            assertThatThrownBy(() -> b.acquire(LocalDate.of(2026, 11, 28)))
                    .isInstanceOf(IngestLock.BusyException.class);
            assertThat(held.replaced()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTC", "Asia/Kuwait"})
    @DisplayName("a holder on this host whose process is alive is never taken over, even with an old heartbeat")
    void liveProcessNeverTakenOver(String zone) throws Exception {
        Flyway.configure().dataSource("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", "sa", "")
                .locations("classpath:db/migration").load().migrate();
        IngestLock a = new IngestLock(new IngestLockTable(session("UTC")), 120);
        try (IngestLock.Lease held = a.acquire(LocalDate.of(2026, 11, 27))) {
            // a machine suspended for a day: the heartbeat is old, the process (this one) alive
            session("UTC").update("UPDATE ingest_lock SET heartbeat = heartbeat - INTERVAL '1' DAY");
            IngestLock b = new IngestLock(new IngestLockTable(session(zone)), 120);
            assertThat(b.current().expired()).isTrue();
            assertThatThrownBy(() -> b.acquire(LocalDate.of(2026, 11, 27)))
                    .isInstanceOf(IngestLock.BusyException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }
}
