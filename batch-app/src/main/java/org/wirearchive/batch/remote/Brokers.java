package org.wirearchive.batch.remote;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Broker addresses: checking what the user typed, and the connection factories the manager and workers use. */
public final class Brokers {

    /** The queue of partition requests (manager to workers). */
    public static final String QUEUE = "wirearchive.partitions";

    /** The in-JVM address of the broker embedded in the manager. */
    public static final String IN_VM = "vm://0";

    private Brokers() {
    }

    /**
     * Checks a broker address given on the command line: {@code tcp://HOST:PORT} (Artemis's core protocol, with
     * optional {@code ?key=value} parameters of the Artemis client). Returns the problem, or null when it is fine.
     */
    public static String problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getMessage();
        }
        if (!"tcp".equals(uri.getScheme())) {
            return "the scheme must be tcp:// (an Apache Artemis acceptor), e.g. tcp://broker.example:61616";
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            return "it needs a host and a port, e.g. tcp://broker.example:61616";
        }
        return null;
    }

    /**
     * A connection factory for the broker. A consumer takes one message at a time ({@code consumerWindowSize=0}): a
     * busy worker must not hold back partitions that an idle one could run. Connecting fails at once when the broker
     * is not there (no connection retries: the worker's loop retries, and says so).
     */
    public static ActiveMQConnectionFactory connectionFactory(String url) {
        ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(url);
        cf.setConsumerWindowSize(0);
        cf.setInitialConnectAttempts(1);
        cf.setReconnectAttempts(0);
        return cf;
    }

    /** Opens and closes one connection: throws when the broker cannot be reached. */
    public static void check(ActiveMQConnectionFactory cf) throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.start();
        }
    }

    /** The root cause's message, for one-line errors. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = e.getMessage() != null ? e.getMessage() : root.getClass().getSimpleName();
        return root == e || root.getMessage() == null || m.contains(root.getMessage()) ? m
                : m + " (" + root.getMessage() + ")";
    }
}
