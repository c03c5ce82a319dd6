package dev.outpost.contracts;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * How every Outpost service puts a machine-readable error on a gRPC status, and how a caller
 * reads it back. The code comes from the service's own error vocabulary; the message is already
 * phrased in the style of the API the service imitates, so a caller can show it unchanged.
 */
public final class OutpostErrors {

    public static final Metadata.Key<String> CODE =
            Metadata.Key.of("outpost-error-code", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> MESSAGE =
            Metadata.Key.of("outpost-error-message", Metadata.ASCII_STRING_MARSHALLER);
    /** For placement refusals (D1, Durable Objects): the address of the shard that owns the id. */
    public static final Metadata.Key<String> OWNER =
            Metadata.Key.of("outpost-owner", Metadata.ASCII_STRING_MARSHALLER);

    private OutpostErrors() {
    }

    public static StatusRuntimeException error(Status.Code status, String code, String message) {
        Metadata trailers = new Metadata();
        trailers.put(CODE, code);
        trailers.put(MESSAGE, asciiSafe(message));
        return Status.fromCode(status).withDescription(message).asRuntimeException(trailers);
    }

    /** The error code carried by a failure, or {@code null} when it carries none (transport errors). */
    public static String codeOf(Throwable failure) {
        Metadata trailers = Status.trailersFromThrowable(failure);
        return trailers == null ? null : trailers.get(CODE);
    }

    /** The human message of a failure: the service's message when there is one, else the gRPC description. */
    public static String messageOf(Throwable failure) {
        Metadata trailers = Status.trailersFromThrowable(failure);
        if (trailers != null && trailers.get(MESSAGE) != null) {
            return trailers.get(MESSAGE);
        }
        Status status = Status.fromThrowable(failure);
        return status.getDescription() != null ? status.getDescription() : status.getCode().name();
    }

    /** ASCII metadata may not hold control characters or non-ASCII text; escape them as \\uXXXX. */
    static String asciiSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
