package dev.outpost.localstack.launch;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.config.PortPlan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** s3proxy.conf: S3Proxy on 127.0.0.1 with the filesystem provider, standing in for MinIO. */
public final class S3ProxyConfig {
    private S3ProxyConfig() {
    }

    public static Map<String, String> properties(PortPlan ports, Credentials creds, Path baseDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("s3proxy.endpoint", ports.baseUrl(Component.S3));
        p.put("s3proxy.authorization", "aws-v2-or-v4");
        p.put("s3proxy.identity", creds.s3AccessKey());
        p.put("s3proxy.credential", creds.s3SecretKey());
        // SDKs send x-amz-* headers S3Proxy does not know; without this they get 501
        p.put("s3proxy.ignore-unknown-headers", "true");
        p.put("jclouds.provider", "filesystem");
        p.put("jclouds.filesystem.basedir", baseDir.toString());
        return p;
    }
}
