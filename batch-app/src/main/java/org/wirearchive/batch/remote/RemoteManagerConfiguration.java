package org.wirearchive.batch.remote;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.wirearchive.batch.config.WirearchiveProperties;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.batch.ingest.ProgressListener;
import org.wirearchive.batch.ingest.RemoteIngestSteps;
import org.wirearchive.batch.ingest.StoreWriter;
import org.wirearchive.store.ArticleStore;
import org.wirearchive.store.ChunkDedupIndex;
import org.wirearchive.store.ParsedFileTable;
import org.wirearchive.store.RunInputTable;
import org.wirearchive.store.ManifestWriter;

/**
 * The manager of a remote-partitioned ingest ({@code ingest --workers remote}): only in a context started with
 * {@code wirearchive.workers=remote}. {@code parseFiles} splits the run's frozen list into seq ranges and sends one
 * request per range to the broker (Spring Batch Integration's {@link MessageChannelPartitionHandler}), then polls the
 * shared job repository until every partition has ended; {@code storeParsed} dedups and stores the staged files in
 * seq order with the single-process ingest's own {@link StoreWriter}.
 */
@Configuration
@ConditionalOnProperty(name = "wirearchive.workers", havingValue = "remote")
public class RemoteManagerConfiguration {

    @Bean
    public RemoteIngestSteps remoteIngestSteps(Step parseFiles, Step storeParsed) {
        return new RemoteIngestSteps(parseFiles, storeParsed);
    }

    @Bean
    @StepScope
    public SeqRangePartitioner seqRangePartitioner(RunInputTable runInputs,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long runId,
            WirearchiveProperties properties) {
        int partitions = properties.remote().partitions();
        long maxInputMb = properties.maxInputMb();
        return new SeqRangePartitioner(runInputs, runId, partitions, maxInputMb);
    }

    @Bean(destroyMethod = "close")
    public PartitionRequestSender partitionRequestSender(
            WirearchiveProperties properties) {
        String brokerUrl = properties.remote().brokerUrl();
        String brokerName = properties.remote().brokerName();
        return new PartitionRequestSender(Brokers.connectionFactory(brokerUrl), brokerName);
    }

    @Bean
    public MessageChannelPartitionHandler partitionHandler(JobRepository jobRepository, PartitionRequestSender sender,
            WirearchiveProperties properties) {
        long pollMillis = properties.remote().pollMs();
        long timeoutMillis = properties.remote().timeoutMs();
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(RemoteIngestSteps.PARSE_PARTITION);
        handler.setMessagingOperations(new MessagingTemplate(sender));
        handler.setJobRepository(jobRepository); // results by polling the shared repository: no reply queue
        handler.setPollInterval(pollMillis);
        handler.setTimeout(timeoutMillis);
        return handler;
    }

    @Bean
    public Step parseFiles(JobRepository jobRepository, SeqRangePartitioner seqRangePartitioner,
                           MessageChannelPartitionHandler partitionHandler, JdbcTemplate jdbc,
                           RunInputTable runInputs, ParsedFileTable parsedFiles, WirearchiveProperties properties) {
        int progressSeconds = properties.progressSeconds();
        return new StepBuilder(RemoteIngestSteps.PARSE_FILES, jobRepository)
                .partitioner(RemoteIngestSteps.PARSE_PARTITION, seqRangePartitioner)
                .partitionHandler(partitionHandler)
                .listener(new PartitionProgress(jdbc, runInputs, parsedFiles, progressSeconds))
                .build();
    }

    @Bean
    @StepScope
    public StagedFileReader stagedFileReader(RunInputTable runInputs, ParsedFileTable parsedFiles,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long runId,
            WirearchiveProperties properties) {
        int chunkSize = properties.chunkSize();
        return new StagedFileReader(runInputs, parsedFiles, runId, chunkSize);
    }

    @Bean
    public Step storeParsed(JobRepository jobRepository, PlatformTransactionManager tm, StagedFileReader stagedFileReader,
                            ArticleStore store, JdbcTemplate jdbc, RunInputTable runInputs,
                            ParsedFileTable parsedFiles, WirearchiveProperties properties) {
        int chunkSize = properties.chunkSize();
        int progressSeconds = properties.progressSeconds();
        return new StepBuilder(RemoteIngestSteps.STORE_PARSED, jobRepository)
                .<FileOutcomes, FileOutcomes>chunk(chunkSize)
                .transactionManager(tm)
                .reader(stagedFileReader)
                .writer(new StoreWriter(store, new ChunkDedupIndex(jdbc), new ManifestWriter(jdbc)))
                .listener(new ProgressListener(runInputs, progressSeconds, System.console() != null))
                .listener(new StagingCleanup(parsedFiles))
                .build();
    }

    /** Deletes a run's staged files once the store step has stored them all. */
    static final class StagingCleanup implements StepExecutionListener {
        private final ParsedFileTable parsedFiles;

        StagingCleanup(ParsedFileTable parsedFiles) {
            this.parsedFiles = parsedFiles;
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
                parsedFiles.deleteRun(stepExecution.getJobExecution().getJobInstance().getInstanceId());
            }
            return null;
        }
    }
}
