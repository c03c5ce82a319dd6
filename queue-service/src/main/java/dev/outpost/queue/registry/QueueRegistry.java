package dev.outpost.queue.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every account's queues, kept in a compacted Kafka topic (key {@code <account>/<queue id>}, value the record as
 * JSON, a tombstone when deleted) so that all queue-service replicas share them without another database. Each
 * replica reads the topic from the start when it boots and follows it afterwards; a change is acknowledged once
 * Kafka has it ({@code acks=all}) and applied locally at once. Each queue's messages live in their own topic,
 * created and deleted with the queue.
 */
@ApplicationScoped
public class QueueRegistry {
    private static final Logger LOG = Logger.getLogger(QueueRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrap;
    private final String registryTopic;
    private final short replication;
    private final Map<String, QueueRecord> queues = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> producer;
    private volatile Admin admin;
    private volatile Thread follower;
    private volatile boolean running;
    private volatile String startFailure = "not started";

    public QueueRegistry(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "outpost.queue.registry-topic", defaultValue = "outpost.queues.registry") String registryTopic,
            @ConfigProperty(name = "outpost.queue.replication-factor", defaultValue = "1") short replication) {
        this.bootstrap = bootstrap;
        this.registryTopic = registryTopic;
        this.replication = replication;
    }

    void start(@Observes StartupEvent event) {
        Thread starter = new Thread(this::connect, "queue-registry-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Connects, makes sure the registry topic exists, reads it to the end, then follows it. Retries until Kafka answers. */
    private void connect() {
        running = true;
        while (running) {
            Admin a = null;
            KafkaProducer<String, String> prod = null;
            KafkaConsumer<String, String> consumer = null;
            try {
                Properties common = new Properties();
                common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                common.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                common.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
                a = Admin.create(common);
                createTopic(a, new NewTopic(registryTopic, 1, replication)
                        .configs(Map.of("cleanup.policy", "compact")));
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                prod = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
                consumer = consumer();
                TopicPartition partition = new TopicPartition(registryTopic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    apply(consumer.poll(Duration.ofMillis(500)));
                }
                admin = a;
                producer = prod;
                startFailure = null;
                LOG.infof("Queue registry ready: %d queues in %s", queues.size(), registryTopic);
                follow(consumer);
                return;
            } catch (RuntimeException | ExecutionException | InterruptedException | TimeoutException e) {
                startFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warnf("Queue registry not ready yet (%s); retrying", startFailure);
                closeQuietly(consumer);
                closeQuietly(prod);
                closeQuietly(a);
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already failing
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    /** Applies what other replicas write, for as long as the service runs. */
    private void follow(KafkaConsumer<String, String> consumer) {
        follower = Thread.currentThread();
        try (consumer) {
            while (running) {
                apply(consumer.poll(Duration.ofMillis(500)));
            }
        } catch (org.apache.kafka.common.errors.InterruptException | org.apache.kafka.common.errors.WakeupException e) {
            // stopping
        }
    }

    private void apply(ConsumerRecords<String, String> records) {
        records.forEach(r -> {
            if (r.value() == null) {
                queues.remove(r.key());
            } else {
                try {
                    queues.put(r.key(), JSON.readValue(r.value(), QueueRecord.class));
                } catch (Exception e) {
                    LOG.warnf("Skipping an unreadable queue record %s: %s", r.key(), e.getMessage());
                }
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread f = follower;
        if (f != null) {
            f.interrupt();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** Null when ready, else why not (Kafka unreachable so far). */
    public String notReadyReason() {
        return startFailure;
    }

    /** Every account's queues (the push-delivery supervisor starts a loop per queue with a worker consumer). */
    public List<QueueRecord> all() {
        return List.copyOf(queues.values());
    }

    public List<QueueRecord> list(String accountId) {
        return queues.values().stream().filter(q -> q.accountId().equals(accountId))
                .sorted(Comparator.comparingLong(QueueRecord::createdOnMs).thenComparing(QueueRecord::name)).toList();
    }

    public Optional<QueueRecord> byId(String accountId, String id) {
        return Optional.ofNullable(queues.get(key(accountId, id)));
    }

    public Optional<QueueRecord> byName(String accountId, String name) {
        return list(accountId).stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** Creates the queue's topic, then stores the record. */
    public QueueRecord create(QueueRecord record) throws QueueStorageException {
        try {
            // Kafka deletes messages past the queue's retention period
            createTopic(ready().admin, new NewTopic(record.topic(), 1, replication)
                    .configs(Map.of("retention.ms", Long.toString(record.messageRetentionPeriod() * 1000L))));
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new QueueStorageException("could not create the queue's topic: " + e.getMessage(), e);
        }
        return put(record);
    }

    /** Stores a changed record (settings, consumers, name). */
    public QueueRecord put(QueueRecord record) throws QueueStorageException {
        write(key(record.accountId(), record.id()), record);
        queues.put(key(record.accountId(), record.id()), record);
        return record;
    }

    /** Deletes the record, then the queue's topic (its messages). */
    public void delete(QueueRecord record) throws QueueStorageException {
        write(key(record.accountId(), record.id()), null);
        queues.remove(key(record.accountId(), record.id()));
        try {
            ready().admin.deleteTopics(Set.of(record.topic())).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                LOG.warnf("Queue %s deleted, but its topic %s was not: %s", record.id(), record.topic(), e.getMessage());
            }
        } catch (InterruptedException | TimeoutException e) {
            LOG.warnf("Queue %s deleted, but its topic %s was not: %s", record.id(), record.topic(), e.getMessage());
        }
    }

    private void write(String key, QueueRecord record) throws QueueStorageException {
        try {
            String value = record == null ? null : JSON.writeValueAsString(record);
            ready().producer.send(new ProducerRecord<>(registryTopic, 0, key, value)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException
                | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new QueueStorageException("could not store the queue: " + e.getMessage(), e);
        }
    }

    private QueueRegistry ready() throws QueueStorageException {
        if (producer == null || admin == null) {
            throw new QueueStorageException("Kafka is not reachable: " + startFailure, null);
        }
        return this;
    }

    private static void createTopic(Admin admin, NewTopic topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String key(String accountId, String id) {
        return accountId + "/" + id;
    }
}
