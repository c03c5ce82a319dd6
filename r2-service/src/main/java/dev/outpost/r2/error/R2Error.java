package dev.outpost.r2.error;

import io.grpc.Status;

/**
 * The one error vocabulary of the R2 service (R2-11). Each entry carries everything the three
 * transports need: the R2 numeric code (Workers binding, Cloudflare JSON envelope), the S3 error
 * code and HTTP status (S3 XML), and the gRPC status. Codes marked [?] are not in Cloudflare's
 * published table; they are Outpost's choice in the same range.
 */
public enum R2Error {
    INTERNAL_ERROR(10001, "InternalError", 500, Status.Code.INTERNAL,
            "We encountered an internal error. Please try again."),
    UNAUTHORIZED(10002, "Unauthorized", 401, Status.Code.UNAUTHENTICATED,
            "Missing or invalid authentication credentials."),
    ACCESS_DENIED(10003, "AccessDenied", 403, Status.Code.PERMISSION_DENIED, "Access Denied"),
    INVALID_ACCESS_KEY_ID(10003, "InvalidAccessKeyId", 403, Status.Code.PERMISSION_DENIED,
            "The AWS Access Key Id you provided does not exist in our records."),
    SIGNATURE_DOES_NOT_MATCH(10035, "SignatureDoesNotMatch", 403, Status.Code.PERMISSION_DENIED,
            "The request signature we calculated does not match the signature you provided. "
                    + "Check your secret access key and signing method."),
    REQUEST_TIME_TOO_SKEWED(10018, "RequestTimeTooSkewed", 403, Status.Code.PERMISSION_DENIED,
            "The difference between the request time and the server's time is too large."),
    AUTHORIZATION_MALFORMED(10003, "AuthorizationHeaderMalformed", 400, Status.Code.INVALID_ARGUMENT,
            "The authorization header is malformed."),
    INVALID_BUCKET_NAME(10005, "InvalidBucketName", 400, Status.Code.INVALID_ARGUMENT,
            "The specified bucket name is not valid."),
    NO_SUCH_BUCKET(10006, "NoSuchBucket", 404, Status.Code.NOT_FOUND, "The specified bucket does not exist."),
    NO_SUCH_KEY(10007, "NoSuchKey", 404, Status.Code.NOT_FOUND, "The specified key does not exist."),
    BUCKET_NOT_EMPTY(10008, "BucketNotEmpty", 409, Status.Code.FAILED_PRECONDITION,
            "The bucket you tried to delete is not empty."),
    BUCKET_ALREADY_EXISTS(10004, "BucketAlreadyOwnedByYou", 409, Status.Code.ALREADY_EXISTS,
            "The bucket you tried to create already exists, and you own it."),
    ENTITY_TOO_SMALL(10011, "EntityTooSmall", 400, Status.Code.INVALID_ARGUMENT,
            "Your proposed upload is smaller than the minimum allowed object size."),
    ENTITY_TOO_LARGE(100100, "EntityTooLarge", 400, Status.Code.INVALID_ARGUMENT,
            "Your proposed upload exceeds the maximum allowed object size."),
    METADATA_TOO_LARGE(10012, "MetadataTooLarge", 400, Status.Code.INVALID_ARGUMENT,
            "Your metadata headers exceed the maximum allowed metadata size."),
    INCOMPLETE_BODY(10013, "IncompleteBody", 400, Status.Code.INVALID_ARGUMENT,
            "You did not provide the number of bytes specified by the Content-Length HTTP header."), // [?]
    INVALID_DIGEST(10014, "InvalidDigest", 400, Status.Code.INVALID_ARGUMENT,
            "The Content-MD5 or checksum you specified is not valid."), // [?]
    NOT_IMPLEMENTED(10017, "NotImplemented", 501, Status.Code.UNIMPLEMENTED,
            "A header or query you provided implies functionality that is not implemented."), // [?]
    INVALID_OBJECT_NAME(10020, "InvalidObjectName", 400, Status.Code.INVALID_ARGUMENT,
            "The specified object name is not valid."),
    INVALID_MAX_KEYS(10022, "InvalidMaxKeys", 400, Status.Code.INVALID_ARGUMENT,
            "MaxKeys params must be positive integer <= 1000."),
    NO_SUCH_UPLOAD(10024, "NoSuchUpload", 404, Status.Code.NOT_FOUND,
            "The specified multipart upload does not exist."),
    INVALID_PART(10025, "InvalidPart", 400, Status.Code.INVALID_ARGUMENT,
            "One or more of the specified parts could not be found."),
    INVALID_PART_ORDER(10025, "InvalidPartOrder", 400, Status.Code.INVALID_ARGUMENT,
            "The list of parts was not in ascending order."),
    INVALID_ARGUMENT(10029, "InvalidArgument", 400, Status.Code.INVALID_ARGUMENT, "Invalid Argument"),
    INVALID_REQUEST(10029, "InvalidRequest", 400, Status.Code.INVALID_ARGUMENT, "Invalid Request"),
    MALFORMED_XML(10029, "MalformedXML", 400, Status.Code.INVALID_ARGUMENT,
            "The XML you provided was not well-formed or did not validate against our published schema."),
    PRECONDITION_FAILED(10031, "PreconditionFailed", 412, Status.Code.FAILED_PRECONDITION,
            "At least one of the pre-conditions you specified did not hold."),
    NOT_MODIFIED(10031, "NotModified", 304, Status.Code.FAILED_PRECONDITION, "Not Modified"),
    BAD_DIGEST(10037, "BadDigest", 400, Status.Code.INVALID_ARGUMENT,
            "The Content-MD5 or checksum you specified did not match what we received."),
    CONTENT_SHA256_MISMATCH(10037, "XAmzContentSHA256Mismatch", 400, Status.Code.INVALID_ARGUMENT,
            "The provided 'x-amz-content-sha256' header does not match what was computed."),
    INVALID_RANGE(10039, "InvalidRange", 416, Status.Code.OUT_OF_RANGE, "The requested range is not satisfiable"),
    BAD_UPLOAD(10048, "BadUpload", 400, Status.Code.INVALID_ARGUMENT,
            "There was a problem with the multipart upload."),
    // S3's answers for bucket/object configuration that can never be set here (R2 has none of it): the same
    // "not configured" errors S3 gives for an unconfigured bucket, so clients that probe them carry on.
    NO_SUCH_TAG_SET(10017, "NoSuchTagSet", 404, Status.Code.NOT_FOUND, "The TagSet does not exist."), // [?]
    NO_SUCH_CORS_CONFIGURATION(10059, "NoSuchCORSConfiguration", 404, Status.Code.NOT_FOUND,
            "The CORS configuration does not exist."),
    NO_SUCH_LIFECYCLE_CONFIGURATION(10017, "NoSuchLifecycleConfiguration", 404, Status.Code.NOT_FOUND,
            "The lifecycle configuration does not exist."), // [?]
    NO_SUCH_BUCKET_POLICY(10017, "NoSuchBucketPolicy", 404, Status.Code.NOT_FOUND,
            "The bucket policy does not exist."), // [?]
    NO_ENCRYPTION_CONFIGURATION(10017, "ServerSideEncryptionConfigurationNotFoundError", 404, Status.Code.NOT_FOUND,
            "The server side encryption configuration was not found."), // [?]
    CORS_FORBIDDEN(10003, "AccessForbidden", 403, Status.Code.PERMISSION_DENIED,
            "CORSResponse: This CORS request is not allowed."),
    METHOD_NOT_ALLOWED(10029, "MethodNotAllowed", 405, Status.Code.UNIMPLEMENTED,
            "The specified method is not allowed against this resource."),
    SERVICE_UNAVAILABLE(10001, "ServiceUnavailable", 503, Status.Code.UNAVAILABLE,
            "The storage backend is unavailable. Please try again.");

    private final int code;
    private final String s3Code;
    private final int httpStatus;
    private final Status.Code grpcStatus;
    private final String defaultMessage;

    R2Error(int code, String s3Code, int httpStatus, Status.Code grpcStatus, String defaultMessage) {
        this.code = code;
        this.s3Code = s3Code;
        this.httpStatus = httpStatus;
        this.grpcStatus = grpcStatus;
        this.defaultMessage = defaultMessage;
    }

    public int code() {
        return code;
    }

    public String s3Code() {
        return s3Code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Status.Code grpcStatus() {
        return grpcStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    public R2Exception exception() {
        return new R2Exception(this, defaultMessage);
    }

    public R2Exception exception(String message) {
        return new R2Exception(this, message);
    }
}
