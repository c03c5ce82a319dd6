package outpost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Setup calls of the benches (creating databases/namespaces, one-off requests), not used for load. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** POSTs JSON with a bearer token and returns the parsed answer; anything but 200 is an error. */
    public static JsonNode post(String url, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** GETs a worker path (addressed by Host) and returns the body; anything but 200 is an error. */
    public static String getWorker(String url, String host) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Host", host)
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Options given as --key=value over the defaults. */
    public static java.util.Map<String, String> options(String[] args, java.util.Map<String, String> defaults) {
        java.util.Map<String, String> opt = new java.util.LinkedHashMap<>(defaults);
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return opt;
    }
}
