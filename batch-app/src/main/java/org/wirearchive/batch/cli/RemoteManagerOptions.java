package org.wirearchive.batch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.remote.Brokers;
import org.wirearchive.batch.remote.EmbeddedBroker;
import picocli.CommandLine.Option;

/** {@code ingest}'s options for a remote-partitioned run, where this process is the manager (docs/scale-out.md). */
public class RemoteManagerOptions {

    /** Where the files are parsed. */
    enum Workers { LOCAL, REMOTE }

    static final String DEFAULT_LISTEN = "tcp://0.0.0.0:61616";

    @Option(names = "--workers", paramLabel = "local|remote", defaultValue = "local",
            description = "remote: this run is the manager of a remote-partitioned ingest; `wirearchive worker` "
                    + "processes, sharing the database, parse the files, and this process dedups and stores them "
                    + "(default: ${DEFAULT-VALUE}, all in this process).")
    Workers workers;

    @Option(names = "--broker", paramLabel = "URL",
            description = "With --workers remote: a standalone Apache Artemis broker, e.g. tcp://broker.example:61616. "
                    + "Default: a broker embedded in this process (see --broker-listen).")
    String broker;

    @Option(names = "--broker-listen", paramLabel = "URL",
            description = "With --workers remote and no --broker: the address the embedded broker accepts workers on "
                    + "(default: " + DEFAULT_LISTEN + ").")
    String brokerListen;

    @Option(names = "--partitions", paramLabel = "N",
            description = "With --workers remote: how many partitions the run's files are split into; a few per "
                    + "worker balances the load and limits what a lost worker redoes (default: 8).")
    Integer partitions;

    boolean remote() {
        return workers == Workers.REMOTE;
    }

    /**
     * Checks the options and returns the Spring properties that make the context a manager (none for a local run).
     * The broker is started or checked later ({@link #openBroker}), once the context has set up logging.
     */
    Map<String, Object> springProperties() {
        if (!remote()) {
            for (Object[] o : new Object[][] {{"--broker", broker}, {"--broker-listen", brokerListen},
                    {"--partitions", partitions}}) {
                if (o[1] != null) {
                    throw new UserError(ExitCodes.USAGE, o[0] + " needs --workers remote");
                }
            }
            return Map.of();
        }
        if (broker != null && brokerListen != null) {
            throw new UserError(ExitCodes.USAGE, "--broker-listen is for the embedded broker: not with --broker");
        }
        if (partitions != null && partitions < 1) {
            throw new UserError(ExitCodes.USAGE, "--partitions must be positive: " + partitions);
        }
        String problem = Brokers.problem(broker != null ? broker : listen());
        if (problem != null) {
            throw new UserError(ExitCodes.USAGE, (broker != null ? "--broker " + broker : "--broker-listen " + listen())
                    + ": " + problem);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("wirearchive.workers", "remote");
        props.put("logging.level.org.apache.activemq", "ERROR"); // the broker's own notices; ours say what matters
        if (partitions != null) {
            props.put("wirearchive.remote.partitions", partitions);
        }
        props.put("wirearchive.remote.broker-url", broker != null ? broker : Brokers.IN_VM);
        props.put("wirearchive.remote.broker-name", broker != null ? broker : "embedded broker " + listen());
        return props;
    }

    /**
     * For a remote run: starts the embedded broker, or checks that the standalone one answers. Closing the result
     * stops an embedded broker. A local run gets a no-op.
     */
    Broker openBroker(Path dataDir) {
        if (!remote()) {
            return () -> { };
        }
        if (broker != null) {
            try (ActiveMQConnectionFactory cf = Brokers.connectionFactory(broker)) {
                Brokers.check(cf);
            } catch (Exception e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot connect to the broker " + broker + ": "
                        + Brokers.reason(e));
            }
            return () -> { };
        }
        try {
            EmbeddedBroker embedded = EmbeddedBroker.start(listen(), dataDir.resolve("broker"));
            return embedded::close;
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot start the embedded broker on " + listen() + ": "
                    + e.getMessage());
        }
    }

    /** The run's broker: closing it stops an embedded one. */
    interface Broker extends AutoCloseable {
        @Override
        void close();
    }

    private String listen() {
        return brokerListen != null ? brokerListen : DEFAULT_LISTEN;
    }
}
