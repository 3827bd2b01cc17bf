package org.wirearchive.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wirearchive.store.ManifestTable;
import org.wirearchive.batch.ingest.FreezeInputsTasklet.Found;
import org.wirearchive.batch.ingest.FreezeInputsTasklet.Known;

/**
 * The freeze's comparison with the manifest, on a real H2 file database with the application's schema: the ordered
 * scan in small pages must find exactly the rows a look-up per path finds, with odd names, paths outside the list,
 * files not in the manifest and page boundaries anywhere.
 */
class FreezeScanTests {

    @TempDir
    Path dir;

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db"));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    private static final List<String> NAMES = List.of("a.txt", "B.txt", "a-b.txt", "a/b.txt", "a b.txt", "a.txt.gz",
            "é.txt", "e\u0301.txt", "Ω.txt", "日本.txt", "ｆ.txt", "\uD83D\uDE00.txt", "z.txt", "0001.txt", "x#y.txt",
            "ق.html", "Z", "~tilde.txt");

    @Test
    void theScanFindsWhatTheLookUpsFindAtEveryPageSize() {
        Map<String, Known> manifest = new HashMap<>();
        List<Found> files = new ArrayList<>();
        long t = 1_700_000_000_000L;
        int n = 0;
        for (String day : List.of("2023-03-06", "2023-03-07", "2023-03-08")) {
            for (String name : NAMES) {
                String path = "/archive/" + day + "/" + name;
                n++;
                if (n % 5 != 0) { // every fifth file is new: not in the manifest
                    manifest.put(path, new Known(n, t + n * 1000L));
                }
                if (n % 7 != 0) { // every seventh manifest row is not in tonight's list
                    files.add(new Found(Path.of(path), n, t + n * 1000L));
                }
            }
        }
        // rows before, between and after the listed paths, outside the input
        for (String other : List.of("/archivd/x.txt", "/archive/2023-03-07a/x.txt", "/archivf/x.txt", "/")) {
            manifest.put(other, new Known(1, t));
        }
        manifest.forEach((path, k) -> jdbc.update("INSERT INTO manifest (path, size_bytes, modified, content_sha256, "
                + "run_id, outcomes) VALUES (?, ?, ?, ?, 1, 1)", path, k.size(), new Timestamp(k.modifiedMillis()),
                "0".repeat(64)));
        files.sort(Comparator.comparing(Found::name));

        for (int page : List.of(1, 2, 3, 7, 10_000)) {
            Known[] known = new FreezeInputsTasklet(new ManifestTable(jdbc), page).known(files);
            for (int i = 0; i < files.size(); i++) {
                assertThat(known[i]).as("page %d, %s", page, files.get(i).name())
                        .isEqualTo(manifest.get(files.get(i).name()));
            }
        }
    }

    @Test
    void onPlainNamesTheScanIsWhatRuns() {
        List<Found> files = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String path = String.format("/archive/2023-03-%02d/%07d.txt", 1 + i % 3, i);
            files.add(new Found(Path.of(path), i, 1_700_000_000_000L));
            if (i % 2 == 0) {
                jdbc.update("INSERT INTO manifest (path, size_bytes, modified, content_sha256, run_id, outcomes) "
                        + "VALUES (?, ?, ?, ?, 1, 1)", path, i, new Timestamp(1_700_000_000_000L), "0".repeat(64));
            }
        }
        files.sort(Comparator.comparing(Found::name));
        Known[] known = new Known[files.size()];

        assertThat(new FreezeInputsTasklet(new ManifestTable(jdbc), 4).scan(files, known)).isTrue();
        for (int i = 0; i < files.size(); i++) {
            assertThat(known[i] != null).isEqualTo(files.get(i).size() % 2 == 0);
        }
    }
}
