package dev.outpost.r2.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outpost.r2.model.BucketInfo;
import java.time.Instant;

/** A bucket as Cloudflare's R2 REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BucketJson(String name, @JsonProperty("creation_date") String creationDate, String location,
        @JsonProperty("storage_class") String storageClass, String jurisdiction) {

    static BucketJson of(BucketInfo b) {
        return new BucketJson(b.name(), Instant.ofEpochMilli(b.creationDate()).toString(), b.location(),
                b.storageClass(), b.jurisdiction());
    }
}
