package org.wirearchive.batch.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.core.BaseConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.batch.WirearchiveApplication;
import org.wirearchive.batch.cli.DatabaseOptions;
import picocli.CommandLine;

/** The data source that {@code --db-url jdbc:postgresql:…} gives the application, connection by connection. */
class PostgresDataSourceTests {

    @TempDir
    Path tmp;

    PgDatabase pg;

    @BeforeEach
    void setUp() throws Exception {
        pg = PgDatabase.create();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    boolean reWriteBatchedInserts(String url) throws Exception {
        DatabaseOptions db = new DatabaseOptions();
        new CommandLine(db).parseArgs("--data", tmp.resolve("data").toString(), "--db-url", url);
        Map<String, Object> props = db.springProperties();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WirearchiveApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).properties(props).run();
                Connection c = ctx.getBean(DataSource.class).getConnection()) {
            return c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled();
        }
    }

    @Test
    @DisplayName("batched inserts are rewritten into multi-row INSERTs on PostgreSQL, unless the URL says otherwise")
    void batchedInsertsAreRewritten() throws Exception {
        assertThat(reWriteBatchedInserts(pg.url())).isTrue();
        assertThat(reWriteBatchedInserts(pg.url() + "&reWriteBatchedInserts=false")).isFalse();
    }
}
