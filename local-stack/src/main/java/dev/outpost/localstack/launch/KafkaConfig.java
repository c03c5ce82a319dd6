package dev.outpost.localstack.launch;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.config.PortPlan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** server.properties of the single-node KRaft broker+controller, and its log4j2 configuration. */
public final class KafkaConfig {
    /** The broker logs this once it serves clients. */
    public static final String READY_LINE = "Kafka Server started";

    private KafkaConfig() {
    }

    public static Map<String, String> serverProperties(PortPlan ports, Path logDirs) {
        int broker = ports.port(Component.KAFKA);
        int controller = ports.kafkaControllerPort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + broker);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDirs.toString());
        p.put("num.partitions", "1");
        // one node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** Console (= the component's log file) at INFO, with the chattiest loggers turned down. */
    public static String log4j2Properties() {
        return String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
                "logger.config.level = WARN",
                "logger.utils.name = org.apache.kafka.common.utils.AppInfoParser",
                "logger.utils.level = WARN",
                "");
    }
}
