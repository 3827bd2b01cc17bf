package org.wirearchive.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.wirearchive.reports.files.Report;
import org.wirearchive.reports.internal.StoreAggregates;

/**
 * Which state of the store a set of whole-store reports shows: the store's id and version ({@code store_state}, raised
 * by every chunk an ingest writes), the byte-order mark choice and the report layout. Written beside the reports as the
 * hidden file {@value #FILE}. When a night changes nothing, the previous reports of the same stamp are still exact, so
 * their whole-store CSVs are hard-linked instead of being written again, and the aggregates of the HTML page are read
 * back from {@link StoreAggregates#FILE} written beside them: the incremental night neither rewrites nor aggregates
 * the whole store.
 */
final class StoreStamp {

    static final String FILE = ".store-version";

    /** The reports that can be reused: every row of the store and the daily aggregate, nothing about the run. */
    static final List<Report> REUSED = List.of(Report.ARTICLES, Report.SOURCES, Report.DUPLICATES, Report.REJECTS,
            Report.PROVIDER_DAILY);

    /** How many earlier runs' directories are looked at. */
    private static final int CANDIDATES = 3;

    private StoreStamp() {
    }

    /** The stamp of the store as this connection's transaction sees it, or null when it has no id yet (empty). */
    static String current(Connection c, boolean bom) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT store_id, version FROM store_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getString(1) == null) {
                return null;
            }
            StringBuilder layout = new StringBuilder();
            for (Report r : REUSED) {
                layout.append(r.fileName()).append(':').append(String.join(",", r.header())).append(';');
            }
            return "wirearchive whole-store reports\nstore " + rs.getString(1) + "\nversion " + rs.getLong(2)
                    + "\nbom " + bom + "\nlayout " + Integer.toHexString(layout.toString().hashCode()) + "\n";
        }
    }

    /**
     * A directory whose reports carry exactly this stamp and still has every reusable file: the output directory
     * itself (a rerun), or the report directory of one of the latest completed runs. Null when there is none.
     */
    static Path reusable(Connection c, String stamp, Path outDir, Long runId) throws SQLException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(outDir);
        try (PreparedStatement ps = c.prepareStatement("SELECT out_dir FROM runs WHERE status = 'COMPLETED' "
                + "AND out_dir IS NOT NULL AND run_id <> ? ORDER BY run_id DESC FETCH FIRST "
                + CANDIDATES + " ROWS ONLY")) {
            ps.setLong(1, runId == null ? -1 : runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(Path.of(rs.getString(1)));
                }
            }
        }
        for (Path dir : candidates) {
            if (matches(dir, stamp)) {
                return dir;
            }
        }
        return null;
    }

    private static boolean matches(Path dir, String stamp) {
        try {
            if (!stamp.equals(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8))) {
                return false;
            }
            for (Report r : REUSED) {
                if (!Files.isRegularFile(dir.resolve(r.fileName()))) {
                    return false;
                }
            }
            return Files.isRegularFile(dir.resolve(StoreAggregates.FILE));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // unreadable or not a path here: write the reports anew
        }
    }
}
