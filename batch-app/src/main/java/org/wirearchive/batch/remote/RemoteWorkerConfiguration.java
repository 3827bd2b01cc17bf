package org.wirearchive.batch.remote;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.wirearchive.batch.config.WirearchiveProperties;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.batch.ingest.InputFile;
import org.wirearchive.batch.ingest.RemoteIngestSteps;
import org.wirearchive.store.ParsedFileTable;
import org.wirearchive.store.RunInputTable;

/**
 * A worker of a remote-partitioned ingest ({@code wirearchive worker}): only in a context started with
 * {@code wirearchive.remote.role=worker}. Its one step, {@code parsePartition}, reads a partition's seq range of the
 * run's frozen list, parses and fingerprints each file exactly as the single-process ingest does (the same processor,
 * the same size limit, the same parse threads), and stages the results in committed chunks.
 */
@Configuration
@ConditionalOnProperty(name = "wirearchive.remote.role", havingValue = "worker")
public class RemoteWorkerConfiguration {

    @Bean
    public Step parsePartition(JobRepository jobRepository, PlatformTransactionManager tm, RunInputTable runInputs,
                               ParsedFileTable parsedFiles,
                               ThreadPoolTaskExecutor parseExecutor,
                               WirearchiveProperties properties) {
        int chunkSize = properties.chunkSize();
        long chunkPauseMs = properties.chunkPauseMs();
        PartitionParser parser = new PartitionParser();
        ChunkOrientedStepBuilder<InputFile, FileOutcomes> step = new StepBuilder(RemoteIngestSteps.PARSE_PARTITION,
                jobRepository)
                .<InputFile, FileOutcomes>chunk(chunkSize)
                .transactionManager(tm)
                .reader(new PartitionInputReader(runInputs, 500))
                .processor(parser)
                .writer(new StagingWriter(parsedFiles))
                .listener(parser);
        if (chunkPauseMs > 0) {
            // as the single-process step's wirearchive.chunk-pause-ms: a throttle, and a run slow enough for tests.
            // After each chunk's write (still inside its transaction): Spring Batch 6 calls no ChunkListener when a
            // chunk is processed concurrently (parse threads), but it calls the write listeners in both modes.
            step.listener(new ItemWriteListener<FileOutcomes>() {
                @Override
                public void afterWrite(Chunk<? extends FileOutcomes> items) {
                    try {
                        Thread.sleep(chunkPauseMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }
        if (parseExecutor.getMaxPoolSize() > 1) {
            step.taskExecutor(parseExecutor);
        }
        return step.build();
    }

    @Bean
    public PartitionRequestHandler partitionRequestHandler(JobRepository jobRepository, Step parsePartition) {
        return new PartitionRequestHandler(jobRepository, parsePartition);
    }

    @Bean
    public PartitionConsumer partitionConsumer(PartitionRequestHandler partitionRequestHandler,
                                               WirearchiveProperties properties) {
        String brokerUrl = properties.remote().brokerUrl();
        return new PartitionConsumer(Brokers.connectionFactory(brokerUrl), brokerUrl, partitionRequestHandler);
    }
}
