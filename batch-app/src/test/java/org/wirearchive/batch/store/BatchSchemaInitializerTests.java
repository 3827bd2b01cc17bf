package org.wirearchive.batch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.store.BatchSchema;

/**
 * Spring Batch's schema script runs when a table or sequence of it is missing (a new database, or one left with part
 * of it), and not when they are all there, on a real H2 file database.
 */
class BatchSchemaInitializerTests {

    @TempDir
    Path dir;

    static boolean initialize(DataSource ds) {
        BatchJdbcProperties properties = new BatchJdbcProperties();
        properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
        BatchDataSourceScriptDatabaseInitializer initializer =
                new StoreConfiguration().batchDataSourceInitializer(ds, properties);
        initializer.setResourceLoader(new DefaultResourceLoader());
        return initializer.initializeDatabase();
    }

    @Test
    void theScriptRunsOnlyWhenSomethingOfItIsMissing() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db"));
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(BatchSchema.isPresent(ds)).isFalse();

        assertThat(initialize(ds)).as("a new database: the script runs").isTrue();
        assertThat(BatchSchema.isPresent(ds)).isTrue();
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (1, 0, 'j', 'k')");

        assertThat(initialize(ds)).as("everything there: skipped").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(1);

        jdbc.execute("DROP SEQUENCE BATCH_JOB_INSTANCE_SEQ");
        assertThat(BatchSchema.isPresent(ds)).isFalse();
        assertThat(initialize(ds)).as("a sequence missing: the script runs again").isTrue();
        assertThat(BatchSchema.isPresent(ds)).isTrue();

        jdbc.execute("DROP TABLE BATCH_JOB_EXECUTION_CONTEXT");
        assertThat(BatchSchema.isPresent(ds)).isFalse();
        assertThat(initialize(ds)).isTrue();
        assertThat(BatchSchema.isPresent(ds)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(1);
    }

    @Test
    void anotherSchemasTablesDoNotCount() {
        JdbcDataSource publicSchema = new JdbcDataSource();
        publicSchema.setURL("jdbc:h2:file:" + dir.resolve("db2"));
        new JdbcTemplate(publicSchema).execute("CREATE SCHEMA OTHER");
        JdbcDataSource otherSchema = new JdbcDataSource();
        otherSchema.setURL("jdbc:h2:file:" + dir.resolve("db2") + ";SCHEMA=OTHER");

        assertThat(initialize(otherSchema)).isTrue();
        assertThat(BatchSchema.isPresent(otherSchema)).isTrue();
        assertThat(BatchSchema.isPresent(publicSchema)).isFalse();
        assertThat(initialize(publicSchema)).isTrue();
        assertThat(BatchSchema.isPresent(publicSchema)).isTrue();
    }
}
