package org.wirearchive.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirearchive.reports.files.Report;
import org.wirearchive.reports.internal.StoreAggregates;
import org.wirearchive.store.report.ReportRows;
import org.wirearchive.store.report.ReportSession;

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

    /** The stamp of the store at version {@code v} (as a session's transaction sees it), or null for none (empty). */
    static String current(ReportRows.StoreVersion v, boolean bom) {
        if (v == null) {
            return null;
        }
        StringBuilder layout = new StringBuilder();
        for (Report r : REUSED) {
            layout.append(r.fileName()).append(':').append(String.join(",", r.header())).append(';');
        }
        return "wirearchive whole-store reports\nstore " + v.storeId() + "\nversion " + v.version()
                + "\nbom " + bom + "\nlayout " + Integer.toHexString(layout.toString().hashCode()) + "\n";
    }

    /**
     * A directory whose reports carry exactly this stamp and still has every reusable file: the output directory
     * itself (a rerun), or the report directory of one of the latest completed runs. Null when there is none.
     */
    static Path reusable(ReportSession store, String stamp, Path outDir, Long runId) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(outDir);
        for (String dir : store.completedOutDirs(runId, CANDIDATES)) {
            candidates.add(Path.of(dir));
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
