package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up's Flyway strategy on real H2 files and the application's own migrations. */
class MigrateUnlessCurrentTests {

    @TempDir
    Path dir;

    private JdbcDataSource dataSource(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve(name));
        return ds;
    }

    private static Flyway flyway(JdbcDataSource ds) {
        // the application's settings (application.properties)
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load();
    }

    private static long rows(JdbcDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aNewDatabaseIsMigrated() throws Exception {
        JdbcDataSource ds = dataSource("new");
        Flyway flyway = flyway(ds);
        assertThat(MigrateUnlessCurrent.isCurrent(flyway)).isFalse();

        new MigrateUnlessCurrent().migrate(flyway);

        assertThat(rows(ds, "SELECT COUNT(*) FROM articles")).isZero();
        assertThat(MigrateUnlessCurrent.isCurrent(flyway)).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void aDatabaseWithoutTheNewestMigrationIsUpgraded() throws Exception {
        JdbcDataSource ds = dataSource("old");
        // the schema as an older release left it: every migration but the newest
        var versions = MigrateUnlessCurrent.migrationVersions(flyway(ds).getConfiguration().getLocations());
        var sorted = versions.stream().map(Integer::parseInt).sorted().toList();
        String newest = String.valueOf(sorted.get(sorted.size() - 1));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .target(String.valueOf(sorted.get(sorted.size() - 2))).load().migrate();
        long before = rows(ds, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"");
        Flyway flyway = flyway(ds);
        assertThat(MigrateUnlessCurrent.isCurrent(flyway)).isFalse();

        new MigrateUnlessCurrent().migrate(flyway);

        assertThat(rows(ds, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '" + newest + "'"))
                .isEqualTo(1);
        assertThat(rows(ds, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")).isEqualTo(before + 1);
        assertThat(MigrateUnlessCurrent.isCurrent(flyway)).isTrue();
    }

    @Test
    void aCurrentDatabaseIsLeftAloneAndAFailedMigrationIsNotCurrent() throws Exception {
        JdbcDataSource ds = dataSource("current");
        Flyway flyway = flyway(ds);
        flyway.migrate();
        long history = rows(ds, "SELECT COUNT(*) FROM \"flyway_schema_history\"");

        new MigrateUnlessCurrent().migrate(flyway);
        assertThat(rows(ds, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(history);

        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"installed_rank\" = "
                    + "(SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
        }
        assertThat(MigrateUnlessCurrent.isCurrent(flyway)).isFalse();
    }

    @Test
    void versionsAreComparedAsFlywayDoes() {
        assertThat(MigrateUnlessCurrent.normalize("10")).isEqualTo("10");
        assertThat(MigrateUnlessCurrent.normalize("1_1")).isEqualTo("1.1");
        assertThat(MigrateUnlessCurrent.normalize("2.0")).isEqualTo("2");
        assertThat(MigrateUnlessCurrent.normalize("0")).isEqualTo("0");
        assertThat(MigrateUnlessCurrent.normalize("010")).isEqualTo("10");
    }
}
