package org.wirearchive.batch.ingest;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.wirearchive.batch.config.WirearchiveProperties;
import org.wirearchive.store.ArticleStore;
import org.wirearchive.store.ChunkDedupIndex;
import org.wirearchive.store.ManifestWriter;
import org.wirearchive.core.extract.ArticleExtractor;
import org.wirearchive.core.extract.FileParser;
import org.wirearchive.core.format.ArchiveReader;
import org.wirearchive.core.format.InputLimits;
import org.wirearchive.store.KnownListingTable;
import org.wirearchive.store.ManifestTable;
import org.wirearchive.store.RunInputTable;
import org.wirearchive.store.RunStore;

/**
 * The nightly ingest job: freeze the input list, parse and store every file (chunks, restartable from the last
 * commit), then write the reports from the database.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingest";

    @Bean
    public Job ingestJob(JobRepository jobRepository, Step freezeInputs, Step ingestFiles, Step writeReports,
                         RunHistoryListener runHistoryListener, KnownListingTable listings, ManifestTable manifest,
                         ObjectProvider<RemoteIngestSteps> remote) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .listener(runHistoryListener)
                .listener(new KnownListing(listings, manifest)) // its afterJob runs first (the listeners' reverse order)
                .start(freezeInputs);
        RemoteIngestSteps remoteSteps = remote.getIfAvailable();
        if (remoteSteps != null) {
            // ingest --workers remote: workers parse the partitions, this process dedups and stores (docs/scale-out.md)
            job.next(remoteSteps.parseFiles()).next(remoteSteps.storeParsed());
        } else {
            job.next(ingestFiles);
        }
        return job.next(writeReports).build();
    }

    @Bean
    public Step freezeInputs(JobRepository jobRepository, PlatformTransactionManager tm, RunInputTable runInputs,
                             ManifestTable manifest, KnownListingTable listings, RunStore runs,
                             WirearchiveProperties properties) {
        String dataDir = properties.dataDir();
        return new StepBuilder("freezeInputs", jobRepository)
                .tasklet(new FreezeInputsTasklet(runInputs, manifest, listings, runs,
                        dataDir.isBlank() ? null : java.nio.file.Path.of(dataDir)), tm)
                .build();
    }

    @Bean
    public Step ingestFiles(JobRepository jobRepository, PlatformTransactionManager tm,
                            ParseAheadReader parseAheadReader, ArticleStore store, JdbcTemplate jdbc,
                            RunInputTable runInputs, WirearchiveProperties properties) {
        int chunkSize = properties.chunkSize();
        int progressSeconds = properties.progressSeconds();
        long chunkPauseMs = properties.chunkPauseMs();
        int dedupCacheCopies = properties.dedupCacheCopies();
        // The reader parses (and fingerprints) the next files on the parse threads while the step's thread writes
        // the current chunk; the writer (dedup and store) runs on one thread, in list order.
        ChunkOrientedStepBuilder<FileOutcomes, FileOutcomes> step = new StepBuilder("ingestFiles", jobRepository)
                .<FileOutcomes, FileOutcomes>chunk(chunkSize)
                .transactionManager(tm)
                .reader(parseAheadReader)
                .writer(new StoreWriter(store, new ChunkDedupIndex(jdbc, dedupCacheCopies), new ManifestWriter(jdbc)))
                .listener(new ProgressListener(runInputs, progressSeconds, System.console() != null));
        if (chunkPauseMs > 0) {
            step.listener(new ChunkPause(chunkPauseMs));
        }
        return step.build();
    }

    /** The parser with the configured size limit for one input (larger inputs are rejected as too-large). */
    public static FileParser fileParser(long maxInputMb) {
        if (maxInputMb <= 0) {
            throw new IllegalArgumentException("the input size limit must be positive: " + maxInputMb + " MB");
        }
        return new FileParser(new ArchiveReader(InputLimits.defaults().withMaxInputBytes(maxInputMb * 1024 * 1024)),
                new ArticleExtractor());
    }

    /** The parser threads (wirearchive.parse-threads, default: one per processor). */
    @Bean
    public ThreadPoolTaskExecutor parseExecutor(WirearchiveProperties properties) {
        int parseThreads = properties.parseThreads();
        int threads = parseThreads > 0 ? parseThreads : Runtime.getRuntime().availableProcessors();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("parse-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /**
     * The ingest step's reader: the frozen list, parsed ahead on the parse threads (at most two chunks, and at least
     * four files a thread, ahead of the step).
     */
    @Bean
    @StepScope
    public ParseAheadReader parseAheadReader(RunInputTable runInputs,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instanceId,
            WirearchiveProperties properties, ThreadPoolTaskExecutor parseExecutor) {
        long maxInputMb = properties.maxInputMb();
        int chunkSize = properties.chunkSize();
        int window = Math.max(2 * chunkSize, 4 * parseExecutor.getMaxPoolSize());
        return new ParseAheadReader(new InputFileReader(runInputs, instanceId, 500),
                new ParseFileProcessor(fileParser(maxInputMb)), parseExecutor, window);
    }

    @Bean
    public Step writeReports(JobRepository jobRepository, PlatformTransactionManager tm, ReportTasklet reportTasklet) {
        return new StepBuilder("writeReports", jobRepository)
                .tasklet(reportTasklet, tm)
                .build();
    }
}
