package org.wirearchive.batch.pg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.wirearchive.batch.store.StoreConfiguration;
import org.wirearchive.store.BatchSchema;

/** On PostgreSQL (lower-case names in information_schema) the batch schema is found, or found missing, as on H2. */
class PostgresBatchSchemaTests {

    @Test
    void theScriptRunsOnlyWhenSomethingOfItIsMissing() throws Exception {
        try (PgDatabase db = PgDatabase.create()) {
            DriverManagerDataSource ds = new DriverManagerDataSource(db.url());
            BatchJdbcProperties properties = new BatchJdbcProperties();
            properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
            var initializer = new StoreConfiguration().batchDataSourceInitializer(ds, properties);
            initializer.setResourceLoader(new DefaultResourceLoader());

            assertThat(BatchSchema.isPresent(ds)).isFalse();
            assertThat(initializer.initializeDatabase()).isTrue();
            assertThat(BatchSchema.isPresent(ds)).isTrue();
            assertThat(initializer.initializeDatabase()).isFalse();
            new JdbcTemplate(ds).execute("DROP SEQUENCE batch_step_execution_seq");
            assertThat(BatchSchema.isPresent(ds)).isFalse();
            assertThat(initializer.initializeDatabase()).isTrue();
            assertThat(BatchSchema.isPresent(ds)).isTrue();
        }
    }
}
