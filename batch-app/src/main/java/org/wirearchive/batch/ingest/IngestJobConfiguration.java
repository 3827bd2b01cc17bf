package org.wirearchive.batch.ingest;

import javax.sql.DataSource;
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
import org.wirearchive.batch.remote.RemoteIngestSteps;
import org.wirearchive.batch.store.ArticleStore;
import org.wirearchive.batch.store.ChunkDedupIndex;
import org.wirearchive.core.extract.ArticleExtractor;
import org.wirearchive.core.extract.FileParser;
import org.wirearchive.core.format.ArchiveReader;
import org.wirearchive.core.format.InputLimits;

/**
 * The nightly ingest job: freeze the input list, parse and store every file (chunks, restartable from the last
 * commit), then write the reports from the database.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingest";

    @Bean
    public Job ingestJob(JobRepository jobRepository, Step freezeInputs, Step ingestFiles, Step writeReports,
                         RunHistoryListener runHistoryListener, ObjectProvider<RemoteIngestSteps> remote) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .listener(runHistoryListener)
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
    public Step freezeInputs(JobRepository jobRepository, PlatformTransactionManager tm, JdbcTemplate jdbc) {
        return new StepBuilder("freezeInputs", jobRepository)
                .tasklet(new FreezeInputsTasklet(jdbc), tm)
                .build();
    }

    @Bean
    public Step ingestFiles(JobRepository jobRepository, PlatformTransactionManager tm,
                            InputFileReader inputFileReader, ArticleStore store, JdbcTemplate jdbc,
                            @Value("${wirearchive.chunk-size:50}") int chunkSize,
                            @Value("${wirearchive.progress-seconds:5}") int progressSeconds,
                            @Value("${wirearchive.max-input-mb:20}") long maxInputMb,
                            @Value("${wirearchive.chunk-pause-ms:0}") long chunkPauseMs,
                            ThreadPoolTaskExecutor parseExecutor) {
        ChunkOrientedStepBuilder<InputFile, FileOutcomes> step = new StepBuilder("ingestFiles", jobRepository)
                .<InputFile, FileOutcomes>chunk(chunkSize)
                .transactionManager(tm)
                .reader(inputFileReader)
                .processor(new ParseFileProcessor(fileParser(maxInputMb)))
                .writer(new StoreWriter(store, new ChunkDedupIndex(jdbc)))
                .listener(new ProgressListener(jdbc, progressSeconds, System.console() != null));
        if (chunkPauseMs > 0) {
            step.listener(new ChunkPause(chunkPauseMs));
        }
        if (parseExecutor.getMaxPoolSize() > 1) {
            // The files of a chunk are parsed (and fingerprinted) concurrently; the reader stays on the step's thread
            // and its saved position advances only with committed chunks; the chunk keeps the reader's order, and the
            // writer (dedup and store) runs on one thread.
            step.taskExecutor(parseExecutor);
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

    /** The parser threads (wirearchive.parse-threads, default: one per processor; 1 parses on the step's thread). */
    @Bean
    public ThreadPoolTaskExecutor parseExecutor(@Value("${wirearchive.parse-threads:0}") int parseThreads) {
        int threads = parseThreads > 0 ? parseThreads : Runtime.getRuntime().availableProcessors();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("parse-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    @Bean
    @StepScope
    public InputFileReader inputFileReader(DataSource dataSource,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instanceId) {
        return new InputFileReader(dataSource, instanceId, 500);
    }

    @Bean
    public Step writeReports(JobRepository jobRepository, PlatformTransactionManager tm, ReportTasklet reportTasklet) {
        return new StepBuilder("writeReports", jobRepository)
                .tasklet(reportTasklet, tm)
                .build();
    }
}
