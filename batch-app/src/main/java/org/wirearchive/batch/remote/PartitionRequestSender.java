package org.wirearchive.batch.remote;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;

/**
 * The manager's request channel: Spring Batch Integration's {@code MessageChannelPartitionHandler} sends one
 * {@link StepExecutionRequest} per partition into it, and it puts each on the broker's partition queue as a JMS map
 * message ({@link #STEP_NAME}, {@link #STEP_EXECUTION_ID}: no Java serialization on the wire). Persistent messages,
 * one connection kept open for the run.
 */
public class PartitionRequestSender implements MessageChannel, AutoCloseable {

    /** Map-message keys. */
    static final String STEP_NAME = "stepName";
    static final String STEP_EXECUTION_ID = "stepExecutionId";

    private final ConnectionFactory connectionFactory;
    private final String brokerUrl;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    public PartitionRequestSender(ConnectionFactory connectionFactory, String brokerUrl) {
        this.connectionFactory = connectionFactory;
        this.brokerUrl = brokerUrl;
    }

    @Override
    public synchronized boolean send(Message<?> message, long timeout) {
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            throw new MessageDeliveryException(message, "not a partition request: " + message.getPayload());
        }
        try {
            if (producer == null) {
                connection = connectionFactory.createConnection();
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(session.createQueue(Brokers.QUEUE));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            }
            MapMessage m = session.createMapMessage();
            m.setString(STEP_NAME, request.getStepName());
            m.setLong(STEP_EXECUTION_ID, request.getStepExecutionId());
            producer.send(m);
            return true;
        } catch (JMSException e) {
            close();
            throw new MessageDeliveryException(message, "cannot send a partition request to the broker " + brokerUrl
                    + ": " + Brokers.reason(e), e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // closing a broken connection
            }
        }
        connection = null;
        session = null;
        producer = null;
    }
}
