package org.wirearchive.batch.remote;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's loop: takes one partition request at a time from the broker's queue in a transacted JMS session, runs
 * it, and commits the session only when the partition is done with. If the worker dies mid-partition (kill -9, power
 * loss), the broker sees its connection close and gives the uncommitted request to another worker, which resumes the
 * partition after its last committed chunk. If the broker goes away, the loop says so and reconnects every few
 * seconds until it is back.
 */
public class PartitionConsumer {

    private static final Logger log = LoggerFactory.getLogger(PartitionConsumer.class);
    private static final long RETRY_MILLIS = 2000;

    private final ConnectionFactory connectionFactory;
    private final String brokerUrl;
    private final PartitionRequestHandler handler;
    private int partitionsRun;

    public PartitionConsumer(ConnectionFactory connectionFactory, String brokerUrl, PartitionRequestHandler handler) {
        this.connectionFactory = connectionFactory;
        this.brokerUrl = brokerUrl;
        this.handler = handler;
    }

    /**
     * Serves requests until {@code stop} says so; a request in progress is finished first (a stop never abandons a
     * partition half-way: it is committed, or, if this process is killed, redelivered). Returns the number of requests
     * handled.
     */
    public int run(BooleanSupplier stop) throws InterruptedException {
        boolean reported = false;
        boolean connected = false;
        while (!stop.getAsBoolean()) {
            try (Connection connection = connectionFactory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Brokers.QUEUE));
                connection.start();
                log.info("{} to the broker {}, waiting for partitions on queue {}", connected ? "Reconnected"
                        : "Connected", brokerUrl, Brokers.QUEUE);
                reported = false;
                connected = true;
                while (!stop.getAsBoolean()) {
                    Message m = consumer.receive(1000);
                    if (m == null) {
                        continue;
                    }
                    try {
                        if (m instanceof MapMessage request) {
                            handler.handle(request.getString(PartitionRequestSender.STEP_NAME),
                                    request.getLong(PartitionRequestSender.STEP_EXECUTION_ID));
                        } else {
                            log.warn("Not a partition request on queue {}: {}; dropped", Brokers.QUEUE, m);
                        }
                        session.commit();
                        partitionsRun++;
                    } catch (RuntimeException e) {
                        // an infrastructure failure (database down...): the request goes back to the queue
                        log.warn("A partition request failed ({}); it goes back to the queue", Brokers.reason(e));
                        log.debug("Partition request failure", e);
                        session.rollback();
                        TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
                    }
                }
            } catch (JMSException | JMSRuntimeException e) {
                if (!reported) {
                    log.warn("{} the broker {} ({}); retrying every {} s", connected ? "Lost" : "Cannot reach",
                            brokerUrl, Brokers.reason(e), RETRY_MILLIS / 1000);
                    reported = true;
                }
                sleepUnless(stop, RETRY_MILLIS);
            }
        }
        return partitionsRun;
    }

    private static void sleepUnless(BooleanSupplier stop, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!stop.getAsBoolean() && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
