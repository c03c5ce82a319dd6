package dev.outpost.localstack.cli;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.config.PortPlan;

import java.util.ArrayList;
import java.util.List;

/** The lines of {@code outpost env}: what wrangler and S3 clients need to talk to the local stack. */
public final class EnvExports {
    private EnvExports() {
    }

    public static List<String> lines(PortPlan ports, Credentials creds) {
        List<String> l = new ArrayList<>();
        l.add("export CLOUDFLARE_API_BASE_URL=" + ports.apiBaseUrl());
        l.add("export CLOUDFLARE_API_TOKEN=" + shellQuote(creds.apiToken()));
        l.add("export CLOUDFLARE_ACCOUNT_ID=" + creds.accountId());
        l.add("export WRANGLER_SEND_METRICS=false");
        l.add("# R2's S3 API, as on R2: the access key id is the API token's id, the secret the token's SHA-256");
        l.add("export AWS_ENDPOINT_URL=" + ports.baseUrl(Component.R2));
        l.add("export AWS_ACCESS_KEY_ID=" + creds.apiTokenId().replace("-", ""));
        l.add("export AWS_SECRET_ACCESS_KEY=" + creds.apiTokenS3Secret());
        l.add("export AWS_DEFAULT_REGION=auto");
        return l;
    }

    /** Single quotes unless the value is plainly safe (tokens are url-safe base64, so normally it is). */
    static String shellQuote(String v) {
        return v.matches("[A-Za-z0-9_./:=@-]+") ? v : "'" + v.replace("'", "'\\''") + "'";
    }
}
