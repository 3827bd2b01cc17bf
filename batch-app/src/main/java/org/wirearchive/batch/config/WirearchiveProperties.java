package org.wirearchive.batch.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wirearchive.store.ChunkDedupIndex;

/**
 * The {@code wirearchive.*} settings and their defaults, in one place. Set them as {@code -Dwirearchive.chunk-size=100}
 * in {@code WIREARCHIVE_JAVA_OPTS} (the CLI sets some itself, such as {@code wirearchive.remote.broker-url}).
 *
 * @param chunkSize         files per transaction; a restart resumes after the last committed chunk
 * @param progressSeconds   interval of the progress lines in the log
 * @param chunkPauseMs      pause after every chunk (0: none)
 * @param dedupCacheCopies  stored copies the dedup day cache keeps in memory
 * @param parseThreads      threads that parse files ahead of the writer; 0: one per processor
 * @param maxInputMb        the largest input file read, in MB
 * @param lockExpirySeconds how long an ingest lock whose holder stopped renewing it stays valid
 * @param reportScope       what the reports cover: {@code store} (everything) or {@code run}
 * @param dataDir           the data directory (database, logs), empty when not set
 * @param remote            the remote-partitioning settings
 */
@ConfigurationProperties("wirearchive")
public record WirearchiveProperties(
        @DefaultValue("250") int chunkSize,
        @DefaultValue("5") int progressSeconds,
        @DefaultValue("0") long chunkPauseMs,
        @DefaultValue("" + ChunkDedupIndex.DEFAULT_CACHE_COPIES) int dedupCacheCopies,
        @DefaultValue("0") int parseThreads,
        @DefaultValue("20") long maxInputMb,
        @DefaultValue("120") long lockExpirySeconds,
        @DefaultValue("store") String reportScope,
        String dataDir,
        @DefaultValue Remote remote) {

    public WirearchiveProperties {
        dataDir = dataDir == null ? "" : dataDir;
    }

    /**
     * {@code wirearchive.remote.*}: settings of {@code --workers remote}.
     *
     * @param brokerUrl  the broker the manager and the workers connect to (no default: the CLI sets it)
     * @param brokerName the broker's name in messages and logs; defaults to {@code brokerUrl}
     * @param partitions how many partitions the manager splits a run's files into
     * @param pollMs     how often the manager polls the partitions' state
     * @param timeoutMs  how long the manager waits for the partitions; -1: without limit
     */
    public record Remote(
            String brokerUrl,
            String brokerName,
            @DefaultValue("8") int partitions,
            @DefaultValue("1000") long pollMs,
            @DefaultValue("-1") long timeoutMs) {

        public Remote {
            brokerName = brokerName == null ? brokerUrl : brokerName;
        }
    }
}
