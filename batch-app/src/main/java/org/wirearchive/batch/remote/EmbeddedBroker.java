package org.wirearchive.batch.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Artemis broker inside this JVM: embedded in a manager that runs without a standalone broker (an in-VM
 * acceptor for the manager itself, {@link Brokers#IN_VM}, and a TCP acceptor for the workers; messages in memory, as
 * the broker lives and dies with the manager's run and the job repository holds every partition's state), or the
 * standalone broker of {@code wirearchive broker} (persistent). A request whose worker dies is redelivered after a
 * second, as often as needed.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedActiveMQ server;
    private final String listen;

    private EmbeddedBroker(EmbeddedActiveMQ server, String listen) {
        this.server = server;
        this.listen = listen;
    }

    /**
     * Starts a broker that accepts workers on {@code listen} ({@code tcp://HOST:PORT}; {@code 0.0.0.0} for every
     * interface). Throws {@link IOException} with a one-line reason when the address cannot be used.
     */
    public static EmbeddedBroker start(String listen, Path workDir) throws IOException {
        return start(listen, workDir, false);
    }

    /**
     * Starts a broker; a {@code persistent} one keeps its queued messages in a journal under {@code workDir}, so that
     * the requests of a running ingest survive a restart of a standalone broker.
     */
    public static EmbeddedBroker start(String listen, Path workDir, boolean persistent) throws IOException {
        URI uri = URI.create(listen);
        // Artemis logs a failed acceptor and starts without it: check that the address is free first
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(uri.getHost(), uri.getPort()));
        }
        AddressSettings partitions = new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(1000)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true);
        try {
            ConfigurationImpl config = new ConfigurationImpl();
            config.setName(persistent ? "wirearchive-broker" : "wirearchive-manager");
            config.setPersistenceEnabled(persistent);
            config.setSecurityEnabled(false);
            config.setJMXManagementEnabled(false);
            config.setJournalDirectory(workDir.resolve("journal").toString());
            config.setBindingsDirectory(workDir.resolve("bindings").toString());
            config.setPagingDirectory(workDir.resolve("paging").toString());
            config.setLargeMessagesDirectory(workDir.resolve("large-messages").toString());
            config.addAcceptorConfiguration("in-vm", Brokers.IN_VM);
            config.addAcceptorConfiguration("tcp", listen);
            config.addAddressSetting("#", partitions);
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(config);
            server.start();
            log.info("Broker started{}: managers and workers connect to {} (queue {})",
                    persistent ? " (messages kept in " + workDir + ")" : " in this process", listen, Brokers.QUEUE);
            return new EmbeddedBroker(server, listen);
        } catch (Exception e) {
            throw new IOException(Brokers.reason(e), e);
        }
    }

    /** The address workers connect to. */
    public String listen() {
        return listen;
    }

    /** How many consumers (workers) are connected to the partition queue now; 0 before the first request. */
    public int consumers() {
        var queue = server.getActiveMQServer().locateQueue(Brokers.QUEUE);
        return queue == null ? 0 : queue.getConsumerCount();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("The embedded broker did not stop cleanly: {}", Brokers.reason(e));
        }
    }
}
