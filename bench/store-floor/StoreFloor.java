/*
 * bench/store-floor: the store floor of the ingest benchmark (bench/run.sh, docs/BENCHMARKS.md).
 *
 * The unavoidable work of an ingest on this product's stack, and nothing else: plain Java + JDBC, no Spring, one
 * thread. For every regular file under the archive directory, in sorted path order:
 *   1. read it (a ".gz" file is gunzipped, as the ingest does; zip and WARC containers are read as one file);
 *   2. decode the bytes as UTF-8 (malformed bytes replaced) into a String;
 *   3. hash the decoded text's UTF-8 bytes with SHA-256 (hex);
 *   4. insert one row into each of the 4 tables below, as JDBC batches of 1,000 files (4 executeBatch calls) and one
 *      commit per batch (auto-commit off).
 *
 * Schema (H2 file database, the same H2 as the product; URL jdbc:h2:file:DIR/floor, nothing else set):
 *   floor_manifest (path VARCHAR(4000) PRIMARY KEY, size_bytes BIGINT, modified TIMESTAMP, content_sha256 VARCHAR(64))
 *       indexes: (content_sha256), (modified)
 *   floor_sources  (source VARCHAR(4000) PRIMARY KEY, status VARCHAR(16), article_key VARCHAR(80), run_id BIGINT)
 *       indexes: (article_key), (run_id)
 *   floor_articles (article_key VARCHAR(80) PRIMARY KEY, body_sha256 VARCHAR(64), published_date DATE,
 *                   body_length INTEGER, body VARCHAR(1000000))          -- the text, in this table only
 *       indexes: (body_sha256), (published_date)
 *   floor_copies   (copy_id BIGINT PRIMARY KEY, article_key VARCHAR(80), window_date DATE, body_sha256 VARCHAR(64))
 *       indexes: (window_date), (body_sha256)
 * article_key is "a" + the file's 0-based sequence number; the dates are the file's modification date (UTC);
 * status is "accepted", run_id 1.
 *
 * Usage: java -cp h2.jar:DIR StoreFloor ARCHIVE_DIR DB_DIR
 * DB_DIR must not hold a floor database yet (the benchmark measures a fresh store). Prints one line:
 *   store-floor: FILES files, BYTES bytes, ROWS rows, SECONDS s (JVM start to the last commit)
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

public final class StoreFloor {

    static final int BATCH = 1_000;

    static final String[] SCHEMA = {
        "CREATE TABLE floor_manifest (path VARCHAR(4000) PRIMARY KEY, size_bytes BIGINT NOT NULL,"
                + " modified TIMESTAMP NOT NULL, content_sha256 VARCHAR(64) NOT NULL)",
        "CREATE INDEX floor_manifest_sha ON floor_manifest (content_sha256)",
        "CREATE INDEX floor_manifest_modified ON floor_manifest (modified)",
        "CREATE TABLE floor_sources (source VARCHAR(4000) PRIMARY KEY, status VARCHAR(16) NOT NULL,"
                + " article_key VARCHAR(80), run_id BIGINT NOT NULL)",
        "CREATE INDEX floor_sources_article ON floor_sources (article_key)",
        "CREATE INDEX floor_sources_run ON floor_sources (run_id)",
        "CREATE TABLE floor_articles (article_key VARCHAR(80) PRIMARY KEY, body_sha256 VARCHAR(64) NOT NULL,"
                + " published_date DATE, body_length INTEGER NOT NULL, body VARCHAR(1000000) NOT NULL)",
        "CREATE INDEX floor_articles_sha ON floor_articles (body_sha256)",
        "CREATE INDEX floor_articles_published ON floor_articles (published_date)",
        "CREATE TABLE floor_copies (copy_id BIGINT PRIMARY KEY, article_key VARCHAR(80) NOT NULL,"
                + " window_date DATE NOT NULL, body_sha256 VARCHAR(64) NOT NULL)",
        "CREATE INDEX floor_copies_window ON floor_copies (window_date)",
        "CREATE INDEX floor_copies_sha ON floor_copies (body_sha256)",
    };

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StoreFloor ARCHIVE_DIR DB_DIR");
            System.exit(2);
        }
        Path archive = Path.of(args[0]);
        Path dbDir = Path.of(args[1]);
        if (Files.exists(dbDir.resolve("floor.mv.db"))) {
            System.err.println("store-floor: " + dbDir.resolve("floor.mv.db") + " exists; give an empty directory");
            System.exit(2);
        }
        Files.createDirectories(dbDir);
        List<Path> files;
        try (Stream<Path> s = Files.walk(archive)) {
            files = s.filter(Files::isRegularFile).map(Path::toString).sorted().map(Path::of).toList();
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        HexFormat hex = HexFormat.of();
        long bytes = 0;
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dbDir.toAbsolutePath().resolve("floor"))) {
            try (Statement st = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    st.execute(ddl);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement manifest = c.prepareStatement(
                            "INSERT INTO floor_manifest (path, size_bytes, modified, content_sha256) VALUES (?, ?, ?, ?)");
                    PreparedStatement sources = c.prepareStatement(
                            "INSERT INTO floor_sources (source, status, article_key, run_id) VALUES (?, ?, ?, ?)");
                    PreparedStatement articles = c.prepareStatement("INSERT INTO floor_articles"
                            + " (article_key, body_sha256, published_date, body_length, body) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement copies = c.prepareStatement(
                            "INSERT INTO floor_copies (copy_id, article_key, window_date, body_sha256) VALUES (?, ?, ?, ?)")) {
                int inBatch = 0;
                for (int seq = 0; seq < files.size(); seq++) {
                    Path f = files.get(seq);
                    BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
                    byte[] raw = read(f);
                    bytes += raw.length;
                    String text = new String(raw, StandardCharsets.UTF_8);
                    String hash = hex.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
                    String path = f.toString();
                    String key = "a" + seq;
                    Timestamp modified = new Timestamp(attrs.lastModifiedTime().toMillis());
                    Date day = Date.valueOf(attrs.lastModifiedTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate());

                    manifest.setString(1, path);
                    manifest.setLong(2, attrs.size());
                    manifest.setTimestamp(3, modified);
                    manifest.setString(4, hash);
                    manifest.addBatch();
                    sources.setString(1, path);
                    sources.setString(2, "accepted");
                    sources.setString(3, key);
                    sources.setLong(4, 1);
                    sources.addBatch();
                    articles.setString(1, key);
                    articles.setString(2, hash);
                    articles.setDate(3, day);
                    articles.setInt(4, text.length());
                    articles.setString(5, text);
                    articles.addBatch();
                    copies.setLong(1, seq);
                    copies.setString(2, key);
                    copies.setDate(3, day);
                    copies.setString(4, hash);
                    copies.addBatch();
                    rows += 4;
                    if (++inBatch == BATCH || seq == files.size() - 1) {
                        manifest.executeBatch();
                        sources.executeBatch();
                        articles.executeBatch();
                        copies.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                }
            }
        }
        double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        System.out.printf("store-floor: %d files, %d bytes, %d rows, %.2f s (JVM start to the last commit)%n",
                files.size(), bytes, rows, seconds);
    }

    private static byte[] read(Path f) throws IOException {
        if (!f.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(f);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 65536)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
