package dev.outpost.r2.storage;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.error.R2Exception;
import dev.outpost.r2.stream.BodyRejectedException;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/** Backend (S3) failures in the R2 vocabulary, in one place. */
final class BackendErrors {

    private static final Logger LOG = Logger.getLogger(BackendErrors.class);

    private BackendErrors() {
    }

    static R2Exception map(Throwable failure) {
        R2Exception rejected = BodyRejectedException.find(failure);
        if (rejected != null) {
            return rejected;
        }
        Throwable t = unwrap(failure);
        if (t instanceof ErrorResponseException e) {
            String code = e.errorResponse().code();
            R2Error error = switch (code == null ? "" : code) {
                case "NoSuchKey" -> R2Error.NO_SUCH_KEY;
                case "NoSuchBucket" -> R2Error.NO_SUCH_BUCKET;
                case "NoSuchUpload" -> R2Error.NO_SUCH_UPLOAD;
                case "InvalidPart" -> R2Error.INVALID_PART;
                case "InvalidPartOrder" -> R2Error.INVALID_PART_ORDER;
                case "EntityTooSmall" -> R2Error.ENTITY_TOO_SMALL;
                case "EntityTooLarge" -> R2Error.ENTITY_TOO_LARGE;
                case "PreconditionFailed" -> R2Error.PRECONDITION_FAILED;
                case "InvalidRange" -> R2Error.INVALID_RANGE;
                case "BadDigest" -> R2Error.BAD_DIGEST;
                case "InvalidDigest" -> R2Error.INVALID_DIGEST;
                case "BucketNotEmpty" -> R2Error.BUCKET_NOT_EMPTY;
                case "BucketAlreadyOwnedByYou", "BucketAlreadyExists" -> R2Error.BUCKET_ALREADY_EXISTS;
                case "MetadataTooLarge" -> R2Error.METADATA_TOO_LARGE;
                case "KeyTooLongError", "XMinioInvalidObjectName", "InvalidObjectName" -> R2Error.INVALID_OBJECT_NAME;
                case "IncompleteBody" -> R2Error.INCOMPLETE_BODY;
                default -> null;
            };
            if (error != null) {
                return error.exception();
            }
            LOG.warnf("backend answered %s: %s", code, e.errorResponse().message());
            return R2Error.INTERNAL_ERROR.exception();
        }
        if (t instanceof R2Exception r2) {
            return r2;
        }
        if (t instanceof ConnectException) {
            LOG.warnf("backend unreachable: %s", t.getMessage());
            return R2Error.SERVICE_UNAVAILABLE.exception();
        }
        if (t instanceof IOException) {
            LOG.debugf(t, "backend I/O failed");
            return R2Error.INTERNAL_ERROR.exception("The transfer to the storage backend failed.");
        }
        LOG.errorf(t, "backend call failed");
        return R2Error.INTERNAL_ERROR.exception();
    }

    static boolean is(Throwable failure, String s3Code) {
        Throwable t = unwrap(failure);
        return t instanceof ErrorResponseException e && s3Code.equals(e.errorResponse().code());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
