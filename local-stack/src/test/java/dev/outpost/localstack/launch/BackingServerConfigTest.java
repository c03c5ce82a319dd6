package dev.outpost.localstack.launch;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.config.PortPlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackingServerConfigTest {
    @Test
    void kafkaIsOneKraftNodeOnLoopbackWithOffsetPorts() {
        Map<String, String> p = KafkaConfig.serverProperties(new PortPlan(1000), Path.of("/state/data/kafka/kraft-logs"));
        assertEquals("broker,controller", p.get("process.roles"));
        assertEquals("1", p.get("node.id"));
        assertEquals("1@127.0.0.1:20093", p.get("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:20092,CONTROLLER://127.0.0.1:20093", p.get("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:20092", p.get("advertised.listeners"));
        assertEquals("CONTROLLER", p.get("controller.listener.names"));
        assertEquals("1", p.get("offsets.topic.replication.factor"));
        assertEquals("1", p.get("transaction.state.log.min.isr"));
        assertEquals("0", p.get("group.initial.rebalance.delay.ms"));
        assertEquals("/state/data/kafka/kraft-logs", p.get("log.dirs"));
    }

    @Test
    void s3ProxyUsesTheFilesystemProviderAndTheStoredIdentity() {
        var creds = ServicePropertiesTest.CREDS;
        Map<String, String> p = S3ProxyConfig.properties(new PortPlan(1000), creds, Path.of("/state/data/s3/blobs"));
        assertEquals("http://127.0.0.1:20000", p.get("s3proxy.endpoint"));
        assertEquals("AK", p.get("s3proxy.identity"));
        assertEquals("SK", p.get("s3proxy.credential"));
        assertEquals("true", p.get("s3proxy.ignore-unknown-headers"));
        assertEquals("filesystem", p.get("jclouds.provider"));
        assertEquals("/state/data/s3/blobs", p.get("jclouds.filesystem.basedir"));
    }

    @Test
    void writtenPropertiesReadBackUnchanged() throws Exception {
        Path f = Files.createTempFile("server", ".properties");
        try {
            Map<String, String> p = KafkaConfig.serverProperties(new PortPlan(0), Path.of("/a b/c"));
            LaunchPlanner.writeProperties(f, p);
            Properties read = new Properties();
            try (var r = Files.newBufferedReader(f)) {
                read.load(r);
            }
            p.forEach((k, v) -> assertEquals(v, read.getProperty(k), k));
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void postgresRunsFromThisModulesClassesWithTheStackLibsAndNoPasswordOnTheCommandLine() {
        LaunchPlanner planner = new LaunchPlanner(ServicePropertiesTest.settings(0, Map.of()));
        var spec = planner.spec(Component.POSTGRES, 0);
        String cp = spec.command().get(spec.command().indexOf("-cp") + 1);
        assertEquals("/repo/local-stack/target/classes:/repo/local-stack/target/stack-libs/postgres/*", cp);
        // the launcher names the class as a string so that it never loads zonky-dependent code itself
        assertEquals(true, spec.command().contains(dev.outpost.localstack.postgres.PostgresServerMain.class.getName()));
        assertEquals(dev.outpost.localstack.postgres.PostgresServerMain.READY_LINE, LaunchPlanner.POSTGRES_READY_LINE);
        assertEquals(true, spec.command().stream().noneMatch(a -> a.contains("dbpw")));
        assertEquals("dbpw", spec.environment().get("OUTPOST_DB_PASSWORD"));
    }
}
