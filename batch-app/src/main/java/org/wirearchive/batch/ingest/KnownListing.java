package org.wirearchive.batch.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.wirearchive.store.KnownListingTable;
import org.wirearchive.store.ManifestTable;

/**
 * When a run completes with every file of its listing in the manifest as listed, records the listing
 * ({@code known_listing}), so that the next night, if it lists exactly the same files, sizes and times and the store
 * has not changed since, knows every file is unchanged without comparing each with the manifest
 * ({@link FreezeInputsTasklet}).
 *
 * <p>The files the freeze found unchanged were in the manifest as listed; the files the run processed are in it when
 * the run recorded each (the manifest row of a processed file is written from the frozen list, and a file never
 * opened, as an unreadable name or a file gone before it was read, gets none): so the run recorded exactly as many
 * manifest rows as its list has files. A run that ends otherwise records nothing, and the next night compares.
 */
public class KnownListing implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(KnownListing.class);

    private final KnownListingTable listings;
    private final ManifestTable manifest;

    public KnownListing(KnownListingTable listings, ManifestTable manifest) {
        this.listings = listings;
        this.manifest = manifest;
    }

    @Override
    public void afterJob(JobExecution execution) {
        ExecutionContext ctx = execution.getExecutionContext();
        if (execution.getStatus() != BatchStatus.COMPLETED || !ctx.containsKey(FreezeInputsTasklet.LISTING_DIGEST)
                || !ctx.containsKey(FreezeInputsTasklet.FILES_TO_PROCESS)) {
            return;
        }
        String digest = ctx.getString(FreezeInputsTasklet.LISTING_DIGEST);
        int seen = ctx.getInt(FreezeInputsTasklet.FILES_SEEN);
        int toProcess = ctx.getInt(FreezeInputsTasklet.FILES_TO_PROCESS);
        long runId = RunContexts.of(execution).runId();
        long start = System.nanoTime();
        try {
            if (toProcess == 0 && listings.unchangedSince(digest, seen) != null) {
                return; // a night with nothing new on the listing recorded before
            }
            int recorded = toProcess == 0 ? 0 : manifest.countOfRun(runId);
            if (recorded == toProcess) {
                listings.record(digest, seen, runId);
                log.debug("The run's listing of {} files is recorded as in the manifest ({} ms)", seen,
                        (System.nanoTime() - start) / 1_000_000);
            } else {
                listings.forget();
                log.debug("The listing is not recorded: {} of the run's {} files are in the manifest (the others "
                        + "were never opened); the next night compares every file", recorded, toProcess);
            }
        } catch (RuntimeException e) { // only a shortcut lost: the next night compares every file
            log.warn("Could not record the run's input listing (the next night compares every file with the "
                    + "manifest): {}", e.getMessage());
        }
    }
}
