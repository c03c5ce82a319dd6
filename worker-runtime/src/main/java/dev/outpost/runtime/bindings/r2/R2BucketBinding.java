package dev.outpost.runtime.bindings.r2;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The host side of an {@code R2Bucket} binding (checklist R2-2..R2-8). The gateway implements it over r2-service's
 * gRPC API; tests implement it in memory.
 * <p>
 * Bodies cross as chunk streams in both directions: {@link #get} hands back an {@link R2ChunkSource} the JS
 * {@code ReadableStream} pulls from, {@link #put}/{@link #uploadPart} take one the implementation pulls from at
 * its own pace. (The JS side currently collects a put's ReadableStream into one chunk before the call; once
 * request bodies stream at the Java boundary, a request body's source can be passed through unchanged.)
 * <p>
 * Errors: a stage failing with {@link R2BindingException} rejects the JS promise with an {@code R2Error} carrying its
 * code and text, prefixed with the method ("put: ... (10037)", R2-11); any other failure becomes an InternalError
 * (10001) with the exception's message. Stages may complete on any thread.
 */
public interface R2BucketBinding {

    /** R2-2: the object's metadata, or null when the key is missing. */
    CompletionStage<R2ObjectMeta> head(String key);

    /**
     * R2-2/R2-4/R2-5: null when the key is missing; else the object (with the range served) and, when the
     * conditions held, its body. A failed {@code onlyIf} yields the object without a body.
     */
    CompletionStage<R2GetResult> get(String key, R2GetOptions options);

    /**
     * R2-2/R2-6: writes the body; completes with the stored object, or null when {@code onlyIf} failed (nothing
     * written). The implementation pulls {@code body} to its end (or cancels it on failure).
     */
    CompletionStage<R2ObjectMeta> put(String key, R2PutOptions options, R2ChunkSource body);

    /** R2-2: deletes the keys; missing ones are ignored. */
    CompletionStage<Void> delete(List<String> keys);

    /** R2-7. */
    CompletionStage<R2ListPage> list(R2ListOptions options);

    /** R2-8: starts an upload; completes with its upload id. */
    CompletionStage<String> createMultipartUpload(String key, R2HttpMetadata httpMetadata,
                                                  Map<String, String> customMetadata, String storageClass);

    /** R2-8: stores one part (1..10000; re-upload replaces it). */
    CompletionStage<R2UploadedPart> uploadPart(String key, String uploadId, int partNumber, R2ChunkSource body);

    /** R2-8: assembles the parts; completes with the new object. */
    CompletionStage<R2ObjectMeta> completeMultipartUpload(String key, String uploadId, List<R2UploadedPart> parts);

    /** R2-8. */
    CompletionStage<Void> abortMultipartUpload(String key, String uploadId);
}
