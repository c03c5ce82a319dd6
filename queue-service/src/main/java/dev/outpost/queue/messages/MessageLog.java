package dev.outpost.queue.messages;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes messages to queue topics and returns once Kafka has them on every in-sync replica ({@code acks=all},
 * idempotent producer): what "durably stored" means for a send, a retry and a dead-lettered message.
 * One producer for the process; it is thread-safe.
 */
@ApplicationScoped
public class MessageLog {
    private final String bootstrap;
    private volatile KafkaProducer<String, byte[]> producer;

    public MessageLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
                    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
                    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    /** Appends the messages to the topic, in order, and waits until all are stored. */
    public void append(String topic, List<StoredMessage> messages) throws MessageStorageException {
        KafkaProducer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(messages.size());
        try {
            for (StoredMessage m : messages) {
                sent.add(p.send(m.toRecord(topic)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(20, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new MessageStorageException("Kafka did not store the message: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageStorageException("interrupted while storing the message", e);
        } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new MessageStorageException("Kafka did not store the message: " + e.getMessage(), e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(2));
        }
    }
}
