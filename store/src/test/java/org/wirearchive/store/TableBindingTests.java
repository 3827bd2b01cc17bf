package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wirearchive.store.TableBinding.column;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.store.TableBinding.SqlType;

class TableBindingTests {

    @TempDir
    Path dir;

    record Pair(String name, Long count) {
    }

    @Test
    void refusesColumnsThatDoNotMatchTheRecord() {
        assertThatThrownBy(() -> new TableBinding<>(Pair.class, "pairs", c -> new Pair(c.string(), c.bigint()),
                column("name", SqlType.VARCHAR, Pair::name), column("count", SqlType.INTEGER, Pair::count)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pairs.count is INTEGER");
        assertThatThrownBy(() -> new TableBinding<>(Pair.class, "pairs", c -> new Pair(c.string(), null),
                column("name", SqlType.VARCHAR, Pair::name)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("binds 1 columns");
    }

    @Test
    void writesAndReadsBackEveryColumnOfASourceRow() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=REGULAR");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        SourceRow rejected = new SourceRow("a/ü 1.txt", null, SourceStatus.REJECTED, null, null, "empty", "no body", null,
                null, null, null, 7L, LocalDate.of(2025, 2, 28), 7L, null, null, null);
        SourceRow duplicate = new SourceRow("b.html", "https://example.org/b", SourceStatus.DUPLICATE, "K1", "c.html",
                "same-body", null, 0.875, "ab".repeat(32), LocalDate.of(2024, 12, 31), "P-1", 8L,
                LocalDate.of(2025, 3, 1), 3L, 1234567L, "1096123456789012", 998877L);
        SourceRow.TABLE.insert(jdbc, List.of(rejected, duplicate));

        assertThat(jdbc.query(SourceRow.TABLE.select() + " ORDER BY source", SourceRow.TABLE.mapper()))
                .containsExactly(rejected, duplicate);
        assertThat(jdbc.queryForList("SELECT status FROM sources ORDER BY source", String.class))
                .containsExactly("rejected", "duplicate");

        SourceRow moved = duplicate.withArticleKey("K2").asDuplicate("d.html", "same-headline", 0.5);
        SourceRow.TABLE.update(jdbc, List.of(moved));
        assertThat(jdbc.query(SourceRow.TABLE.select() + " WHERE source = ?", SourceRow.TABLE.mapper(), "b.html"))
                .containsExactly(moved);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sources", Integer.class)).isEqualTo(2);
    }
}
