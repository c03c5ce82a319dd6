package dev.outpost.kv.api.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;
import dev.outpost.kv.model.KeyInfo;
import dev.outpost.kv.model.KeyPage;
import dev.outpost.kv.model.KvValue;
import dev.outpost.kv.model.NamespaceInfo;
import dev.outpost.kv.model.NamespacePage;
import dev.outpost.kv.model.NamespaceQuery;
import dev.outpost.kv.model.PutEntry;
import dev.outpost.kv.service.KvLimits;
import dev.outpost.kv.service.KvStore;

/**
 * Cloudflare-shaped KV REST API (KV-10), enough to use kv-service on its own: namespaces, single values
 * and key listing. Keys in paths are URL-decoded once and then taken literally (slashes included).
 * Translates to {@link KvStore} and back; errors are mapped by {@link RestErrors}.
 */
@Path("/client/v4/accounts/{account_id}/storage/kv/namespaces")
@Produces(MediaType.APPLICATION_JSON)
public class KvNamespacesResource {

    private final KvStore store;
    private final ObjectMapper json;

    public KvNamespacesResource(KvStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public record TitleBody(String title) {
    }

    /** A namespace in Cloudflare's JSON shape. */
    public record NamespaceJson(String id, String title, boolean supports_url_encoding) {
        static NamespaceJson of(NamespaceInfo ns) {
            return new NamespaceJson(ns.id(), ns.title(), ns.supportsUrlEncoding());
        }
    }

    /** A listed key; expiration and metadata only when set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyJson(String name, Long expiration, JsonNode metadata) {
    }

    @GET
    public Envelope listNamespaces(@RestPath("account_id") String account, @RestQuery String page,
            @RestQuery("per_page") String perPage, @RestQuery String order, @RestQuery String direction) {
        NamespacePage result = store.listNamespaces(account,
                new NamespaceQuery(intParam("page", page), intParam("per_page", perPage), order, direction));
        List<NamespaceJson> items = result.namespaces().stream().map(NamespaceJson::of).toList();
        return Envelope.ok(items, new Envelope.PageInfo(result.page(), result.perPage(), items.size(), result.totalCount()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Envelope createNamespace(@RestPath("account_id") String account, TitleBody body) {
        return Envelope.ok(NamespaceJson.of(store.createNamespace(account, body == null ? null : body.title())));
    }

    @GET
    @Path("{namespace_id}")
    public Envelope getNamespace(@RestPath("account_id") String account, @RestPath("namespace_id") String ns) {
        return Envelope.ok(NamespaceJson.of(store.getNamespace(account, ns)));
    }

    @PUT
    @Path("{namespace_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Envelope renameNamespace(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            TitleBody body) {
        return Envelope.ok(NamespaceJson.of(store.renameNamespace(account, ns, body == null ? null : body.title())));
    }

    @DELETE
    @Path("{namespace_id}")
    public Envelope deleteNamespace(@RestPath("account_id") String account, @RestPath("namespace_id") String ns) {
        store.deleteNamespace(account, ns);
        return Envelope.ok(null);
    }

    /** The raw value (not enveloped), with its expiration in the {@code expiration} header. */
    @GET
    @Path("{namespace_id}/values/{key: .+}")
    @Produces({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON })
    public Response getValue(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            @RestPath String key) {
        KvValue value = store.get(account, ns, key)
                .orElseThrow(() -> new KvException(KvError.KEY_NOT_FOUND, "key not found"));
        Response.ResponseBuilder out = Response.ok(value.value(), MediaType.APPLICATION_OCTET_STREAM_TYPE);
        if (value.expiration() != 0) {
            out.header("expiration", value.expiration());
        }
        return out.build();
    }

    /** Writes the raw request body; {@code ?expiration=} (epoch seconds) or {@code ?expiration_ttl=} (seconds). */
    @PUT
    @Path("{namespace_id}/values/{key: .+}")
    @Consumes(MediaType.WILDCARD)
    public Envelope putValue(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            @RestPath String key, @RestQuery String expiration, @RestQuery("expiration_ttl") String expirationTtl,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA)) {
            // multipart/form-data is served by putValueMultipart; reaching here means it could not be read
            throw new KvException(KvError.BAD_REQUEST, "malformed multipart/form-data body");
        }
        long ttl = KvLimits.parseExpirationTtl(expirationTtl);
        long at = KvLimits.parseExpiration(expiration);
        store.put(account, ns, new PutEntry(key, body == null ? new byte[0] : body, at, ttl, ""));
        return Envelope.ok(null);
    }

    /**
     * KV-10 multipart form: field {@code value} (text or file part) and optional {@code metadata} (JSON text);
     * the same query parameters as the raw form. Chosen over {@link #putValue} for multipart/form-data.
     */
    @PUT
    @Path("{namespace_id}/values/{key: .+}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Envelope putValueMultipart(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            @RestPath String key, @RestQuery String expiration, @RestQuery("expiration_ttl") String expirationTtl,
            org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput form) {
        byte[] value = formBytes(form, "value");
        if (value == null) {
            throw new KvException(KvError.BAD_REQUEST, "multipart body needs a \"value\" field");
        }
        byte[] metadataBytes = formBytes(form, "metadata");
        String metadata = metadataBytes == null ? null : new String(metadataBytes, java.nio.charset.StandardCharsets.UTF_8);
        String metadataJson = "";
        if (metadata != null && !metadata.isBlank()) {
            try {
                JsonNode parsed = json.readTree(metadata);
                metadataJson = parsed.isNull() ? "" : parsed.toString();
            } catch (JsonProcessingException e) {
                throw new KvException(KvError.BAD_REQUEST, "metadata must be JSON text");
            }
        }
        long ttl = KvLimits.parseExpirationTtl(expirationTtl);
        long at = KvLimits.parseExpiration(expiration);
        store.put(account, ns, new PutEntry(key, value, at, ttl, metadataJson));
        return Envelope.ok(null);
    }

    @DELETE
    @Path("{namespace_id}/values/{key: .+}")
    public Envelope deleteValue(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            @RestPath String key) {
        store.delete(account, ns, key);
        return Envelope.ok(null);
    }

    /** The metadata of a key (null when it has none). */
    @GET
    @Path("{namespace_id}/metadata/{key: .+}")
    public Envelope getMetadata(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            @RestPath String key) {
        KvValue value = store.get(account, ns, key)
                .orElseThrow(() -> new KvException(KvError.KEY_NOT_FOUND, "key not found"));
        return Envelope.ok(metadata(value.metadataJson()));
    }

    @GET
    @Path("{namespace_id}/keys")
    public Envelope listKeys(@RestPath("account_id") String account, @RestPath("namespace_id") String ns,
            @RestQuery String prefix, @RestQuery String limit, @RestQuery String cursor) {
        KeyPage page = store.list(account, ns, prefix, intParam("limit", limit), cursor);
        List<KeyJson> keys = new ArrayList<>(page.keys().size());
        for (KeyInfo key : page.keys()) {
            keys.add(new KeyJson(key.name(), key.expiration() == 0 ? null : key.expiration(), metadata(key.metadataJson())));
        }
        return Envelope.ok(keys, new Envelope.CursorInfo(keys.size(), page.cursor()));
    }

    /** A multipart field as bytes, whether it came as a text field or a file part; null when absent. */
    private static byte[] formBytes(org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput form,
            String name) {
        java.util.Collection<org.jboss.resteasy.reactive.server.multipart.FormValue> values =
                form == null ? null : form.getValues().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        org.jboss.resteasy.reactive.server.multipart.FormValue field = values.iterator().next();
        if (!field.isFileItem()) {
            return field.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try (java.io.InputStream in = field.getFileItem().getInputStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new KvException(KvError.BAD_REQUEST, "could not read multipart field \"" + name + "\"");
        }
    }

    private JsonNode metadata(String metadataJson) {
        if (metadataJson == null || metadataJson.isEmpty()) {
            return null;
        }
        try {
            return json.readTree(metadataJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not JSON", e);
        }
    }

    /** Absent or empty = 0 ("default"); anything else must be an integer. */
    private static int intParam(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            if ("limit".equals(name)) {
                throw new KvException(KvError.LIST_LIMIT_INVALID,
                        "Invalid key_count_limit of " + raw + ". Please specify an integer greater than 0.");
            }
            throw new KvException(KvError.BAD_REQUEST, name + " must be an integer");
        }
    }
}
