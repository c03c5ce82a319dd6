package dev.outpost.gateway.controlplane.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.controlplane.secrets.SecretBindings;
import dev.outpost.gateway.hosting.BindingSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which bindings of the deployed version an upload carries over (API-2): secrets always — as on Cloudflare, a
 * deploy does not drop secrets set with {@code wrangler secret put} — plus every binding whose type the upload's
 * {@code keep_bindings} lists (wrangler's {@code --keep-vars} sends {@code plain_text} and {@code json}). A binding
 * the upload defines itself (same name) always wins.
 */
public record KeptBindings(Set<String> types) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code keep_bindings} from the upload's metadata JSON (already checked to be an object). */
    public static KeptBindings of(String metadataJson) {
        Set<String> types = new HashSet<>();
        types.add(SecretBindings.TYPE);
        try {
            JsonNode keep = JSON.readTree(metadataJson).get("keep_bindings");
            if (keep != null && !keep.isNull()) {
                if (!keep.isArray()) {
                    throw new ApiException(ApiError.BAD_REQUEST, "metadata.keep_bindings must be an array of binding types");
                }
                keep.forEach(t -> types.add(t.asText()));
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The metadata part is not valid JSON");
        }
        return new KeptBindings(Set.copyOf(types));
    }

    /** The deployed bindings to carry over into an upload that defines {@code uploaded}. */
    public List<BindingSpec> carried(List<BindingSpec> deployed, List<BindingSpec> uploaded) {
        Set<String> defined = new HashSet<>();
        uploaded.forEach(b -> defined.add(b.name()));
        List<BindingSpec> out = new ArrayList<>();
        for (BindingSpec b : deployed) {
            if (types.contains(b.type()) && !defined.contains(b.name())) {
                out.add(b);
            }
        }
        return out;
    }
}
