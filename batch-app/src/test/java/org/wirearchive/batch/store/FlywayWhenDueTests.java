package org.wirearchive.batch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.batch.WirearchiveApplication;

/**
 * The application's context on a real H2 file database: a new database is migrated by Flyway; a current one starts
 * without Flyway's object being made at all; a failed migration in the history still goes to Flyway, which refuses it.
 */
class FlywayWhenDueTests {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return WirearchiveApplication.plainContext().properties(Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("wirearchive") + ";AUTO_SERVER=TRUE",
                "spring.datasource.username", "sa",
                "logging.file.name", dir.resolve("logs/wirearchive.log").toString(),
                "wirearchive.data-dir", dir.toString())).run();
    }

    private static int applied(ConfigurableApplicationContext ctx) {
        return ctx.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL AND \"success\"",
                Integer.class);
    }

    @Test
    void flywayIsMadeOnlyWhenAMigrationIsDue() {
        int migrations;
        try (ConfigurableApplicationContext ctx = start()) {
            assertThat(ctx.getBeanFactory().containsSingleton(FlywayWhenDue.FLYWAY)).as("a new database").isTrue();
            migrations = applied(ctx);
            assertThat(migrations).isPositive();
            assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM manifest", Integer.class))
                    .isZero();
        }
        try (ConfigurableApplicationContext ctx = start()) {
            assertThat(ctx.getBeanFactory().containsSingleton(FlywayWhenDue.FLYWAY)).as("a current schema").isFalse();
            assertThat(applied(ctx)).isEqualTo(migrations);
            ctx.getBean(JdbcTemplate.class).update("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE "
                    + "WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
        }
        assertThatThrownBy(this::start).as("a failed migration: Flyway reports it, the context does not start")
                .hasStackTraceContaining("failed");
    }
}
