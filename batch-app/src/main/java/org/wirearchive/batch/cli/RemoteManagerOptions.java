package org.wirearchive.batch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
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

    /** The broker this run uses, open for its duration; closing it stops an embedded broker. */
    public record Session(EmbeddedBroker embedded, Map<String, Object> springProperties) implements AutoCloseable {

        /** The command's own Spring properties with this run's (a manager's, for a remote run). */
        Map<String, Object> with(Map<String, Object> props) {
            Map<String, Object> all = new LinkedHashMap<>(props);
            all.putAll(springProperties);
            return all;
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    boolean remote() {
        return workers == Workers.REMOTE;
    }

    /**
     * Checks the options and, for a remote run, starts the embedded broker or checks the standalone one. Returns the
     * Spring properties that make the context a manager (none for a local run).
     */
    Session open(Path dataDir) {
        if (!remote()) {
            for (Object[] o : new Object[][] {{"--broker", broker}, {"--broker-listen", brokerListen},
                    {"--partitions", partitions}}) {
                if (o[1] != null) {
                    throw new UserError(ExitCodes.USAGE, o[0] + " needs --workers remote");
                }
            }
            return new Session(null, Map.of());
        }
        if (broker != null && brokerListen != null) {
            throw new UserError(ExitCodes.USAGE, "--broker-listen is for the embedded broker: not with --broker");
        }
        if (partitions != null && partitions < 1) {
            throw new UserError(ExitCodes.USAGE, "--partitions must be positive: " + partitions);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("wirearchive.workers", "remote");
        if (partitions != null) {
            props.put("wirearchive.remote.partitions", partitions);
        }
        EmbeddedBroker embedded = null;
        if (broker != null) {
            String problem = Brokers.problem(broker);
            if (problem != null) {
                throw new UserError(ExitCodes.USAGE, "--broker " + broker + ": " + problem);
            }
            try (ActiveMQConnectionFactory cf = Brokers.connectionFactory(broker)) {
                Brokers.check(cf);
            } catch (Exception e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot connect to the broker " + broker + ": "
                        + e.getMessage());
            }
            props.put("wirearchive.remote.broker-url", broker);
        } else {
            String listen = brokerListen != null ? brokerListen : DEFAULT_LISTEN;
            String problem = Brokers.problem(listen);
            if (problem != null) {
                throw new UserError(ExitCodes.USAGE, "--broker-listen " + listen + ": " + problem);
            }
            try {
                embedded = EmbeddedBroker.start(listen, dataDir.resolve("broker"));
            } catch (IOException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot start the embedded broker on " + listen + ": "
                        + e.getMessage());
            }
            props.put("wirearchive.remote.broker-url", Brokers.IN_VM);
            props.put("wirearchive.remote.broker-name", "embedded broker " + listen);
        }
        return new Session(embedded, props);
    }
}
