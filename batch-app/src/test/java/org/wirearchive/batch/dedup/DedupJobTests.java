package org.wirearchive.batch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.batch.cli.WirearchiveCli;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * Dedup through the real job and database, measured against the generator's truth: pairwise precision and recall,
 * no merge of look-alikes (yearly features, briefings, press releases), and the same result whatever the order the
 * files arrive in over several nights.
 */
class DedupJobTests {

    @TempDir
    static Path tmp;

    static Path archive;
    /** source (absolute path) -> story id, kind, role from truth.csv */
    static Map<String, String[]> truth = new HashMap<>();
    static Map<String, String> oneRun;

    @BeforeAll
    static void generateAndIngestAll() throws IOException, SQLException {
        new ArchiveGenerator().generate(GeneratorSpec.of(1200, tmp.resolve("gen"), 20261127));
        archive = tmp.resolve("gen/archive").toAbsolutePath().normalize();
        List<String> lines = Files.readAllLines(tmp.resolve("gen/truth.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            truth.put(archive.resolve(f[0]).toString(), new String[] {f[1], f[2], f[3]});
        }
        Path data = tmp.resolve("one");
        ingest(data, "2026-11-27", archive);
        oneRun = grouping(data);
    }

    @Test
    @DisplayName("pairwise precision 1.0 (no false merge) and recall >= 0.99 against the truth")
    void precisionAndRecall() {
        Map<String, List<String>> byKey = new TreeMap<>();
        Map<String, List<String>> byStory = new TreeMap<>();
        int badAccepted = 0;
        for (Map.Entry<String, String> e : oneRun.entrySet()) {
            String[] t = truth.get(e.getKey());
            assertThat(t).as("truth for " + e.getKey()).isNotNull();
            if (e.getValue().startsWith("rejected")) {
                continue;
            }
            if (t[1].equals("bad")) {
                badAccepted++;
                continue;
            }
            byKey.computeIfAbsent(e.getValue().split("\\|")[1], k -> new ArrayList<>()).add(e.getKey());
            byStory.computeIfAbsent(t[0], k -> new ArrayList<>()).add(e.getKey());
        }
        assertThat(badAccepted).as("bad files accepted as articles").isZero();
        java.util.Set<String> predicted = pairs(byKey);
        java.util.Set<String> actual = pairs(byStory);
        java.util.Set<String> truePairs = new java.util.HashSet<>(predicted);
        truePairs.retainAll(actual);
        double precision = predicted.isEmpty() ? 1.0 : (double) truePairs.size() / predicted.size();
        double recall = actual.isEmpty() ? 1.0 : (double) truePairs.size() / actual.size();
        java.util.Set<String> falseMerges = new java.util.TreeSet<>(predicted);
        falseMerges.removeAll(actual);
        System.out.printf(java.util.Locale.ROOT, "Dedup through the job on the parser's reading of 1,200 generated pages:"
                + " %d stories, %d articles, %d true pairs, %d found, %d false merges; precision %.4f, recall %.4f%n",
                byStory.size(), byKey.size(), actual.size(), truePairs.size(), falseMerges.size(), precision, recall);
        assertThat(falseMerges).as("false merges").isEmpty();
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).as("recall (%d of %d true pairs)", truePairs.size(), actual.size()).isGreaterThanOrEqualTo(0.99);
        // the look-alike distractors exist in this archive and none of them was merged
        assertThat(truth.values().stream().filter(t -> t[1].equals("yearly-feature"))).hasSizeGreaterThan(3);
    }

    @Test
    @DisplayName("the archive split over 3 nights, newest first, gives the same articles and canonical copies as one run")
    void nightsSplitInAnyOrder() throws IOException, SQLException {
        List<Path> days;
        try (Stream<Path> s = Files.list(archive)) {
            days = s.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        int third = (days.size() + 2) / 3;
        Path data = tmp.resolve("split");
        for (int night = 0; night < 3; night++) {
            List<Path> batch = days.subList(Math.min(days.size(), night * third), Math.min(days.size(), (night + 1) * third));
            ingest(data, "2026-12-0" + (night + 1), batch.toArray(Path[]::new));
        }
        assertThat(differences(canonicals(grouping(data)), canonicals(oneRun))).isEmpty();
        assertThat(differences(articles(data), articles(tmp.resolve("one")))).isEmpty();
    }

    /** The entries that differ: key -> "split-run value <> one-run value". */
    static Map<String, String> differences(Map<String, String> actual, Map<String, String> expected) {
        Map<String, String> d = new TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(actual.keySet());
        keys.addAll(expected.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(actual.get(k), expected.get(k))) {
                d.put(k.replace(archive.toString(), ""), String.valueOf(actual.get(k)).replace(archive.toString(), "")
                        + "  <>  " + String.valueOf(expected.get(k)).replace(archive.toString(), ""));
            }
        }
        return d;
    }

    private static Map<String, String> canonicals(Map<String, String> grouping) {
        Map<String, String> m = new TreeMap<>();
        grouping.forEach((source, v) -> m.put(source, v.split("\\|", -1)[0] + "|" + v.split("\\|", -1)[1]));
        return m;
    }

    static java.util.Set<String> pairs(Map<String, List<String>> groups) {
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (List<String> g : groups.values()) {
            List<String> sorted = g.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    pairs.add(sorted.get(i) + "\n" + sorted.get(j));
                }
            }
        }
        return pairs;
    }

    static void ingest(Path data, String date, Path... inputs) {
        List<String> args = new ArrayList<>(List.of("ingest", "--data", data.resolve("db").toString(), "--out",
                data.resolve("out").toString(), "--run-date", date, "--input"));
        for (Path p : inputs) {
            args.add(p.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirearchiveCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertThat(code).as(out + "\n" + err).isZero();
    }

    /** source -> status|article_key (canonical copies are 'accepted'). */
    static Map<String, String> grouping(Path data) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        try (Connection c = connect(data); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source, status, article_key FROM sources")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return m;
    }

    /** article_key -> canonical source, ids, body hash, source count. */
    static Map<String, String> articles(Path data) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        try (Connection c = connect(data); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT article_key, canonical_source, menafn_article_no, kuna_id, "
                     + "body_sha256, source_count FROM articles")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getString(6));
            }
        }
        return m;
    }

    static Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/wirearchive") + ";AUTO_SERVER=TRUE", "sa", "");
    }
}
