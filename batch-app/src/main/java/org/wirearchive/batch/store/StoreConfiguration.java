package org.wirearchive.batch.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.store.ArticleSearch;
import org.wirearchive.store.ArticleStore;
import org.wirearchive.store.BatchSchema;
import org.wirearchive.store.IngestLockTable;
import org.wirearchive.store.KnownListingTable;
import org.wirearchive.store.ManifestTable;
import org.wirearchive.store.MigrateUnlessCurrent;
import org.wirearchive.store.ParsedFileTable;
import org.wirearchive.store.RunInputTable;
import org.wirearchive.store.RunStore;

/** The store's beans: plain JDBC over the application's data source. */
@Configuration
public class StoreConfiguration {

    @Bean
    public ArticleStore articleStore(JdbcTemplate jdbc) {
        return new ArticleStore(jdbc);
    }

    @Bean
    public RunStore runStore(JdbcTemplate jdbc) {
        return new RunStore(jdbc);
    }

    @Bean
    public RunInputTable runInputTable(JdbcTemplate jdbc) {
        return new RunInputTable(jdbc);
    }

    @Bean
    public ManifestTable manifestTable(JdbcTemplate jdbc) {
        return new ManifestTable(jdbc);
    }

    @Bean
    public KnownListingTable knownListingTable(JdbcTemplate jdbc) {
        return new KnownListingTable(jdbc);
    }

    @Bean
    public ParsedFileTable parsedFileTable(JdbcTemplate jdbc) {
        return new ParsedFileTable(jdbc);
    }

    @Bean
    public IngestLockTable ingestLockTable(JdbcTemplate jdbc) {
        return new IngestLockTable(jdbc);
    }

    @Bean
    public ArticleSearch articleSearch(JdbcTemplate jdbc) {
        return new ArticleSearch(jdbc);
    }

    /** Flyway migrates only when a migration is not applied yet; a current schema starts without its validation. */
    @Bean
    public FlywayMigrationStrategy migrateUnlessCurrent() {
        return new MigrateUnlessCurrent()::migrate;
    }

    /** Flyway's object is made only when a migration is due: {@link FlywayWhenDue}. */
    @Bean
    public static BeanFactoryPostProcessor flywayWhenDue() {
        return FlywayWhenDue::defer;
    }

    /**
     * Spring Batch's schema script ({@code spring.batch.jdbc.initialize-schema=always}) runs only when one of its
     * tables or sequences is missing: on a database that has them all, every statement of it would fail.
     */
    @Bean
    public BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
                                                                               BatchJdbcProperties properties) {
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return !BatchSchema.isPresent(dataSource) && super.initializeDatabase();
            }
        };
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC(); // instants only: times are shown in the operator's zone (OperatorZone)
    }
}
