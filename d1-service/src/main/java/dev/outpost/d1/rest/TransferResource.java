package dev.outpost.d1.rest;

import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The "signed URLs" of export and import: GET downloads an export, PUT uploads an import file and
 * answers its md5 as ETag (wrangler compares it with its own). The unguessable token in the path
 * is the credential, like a presigned URL; it expires after an hour.
 */
@Path("/d1/transfers/{token}")
public class TransferResource {

    private final TransferStore transfers;

    public TransferResource(TransferStore transfers) {
        this.transfers = transfers;
    }

    @GET
    @Blocking
    public Response download(@PathParam("token") String token) {
        TransferStore.Transfer t = transfers.get(token);
        if (t == null || !Files.exists(t.file())) {
            return Envelope.error(new D1Exception(D1ErrorCode.INVALID_REQUEST, "Unknown or expired export URL"));
        }
        return Response.ok(t.file().toFile(), "application/sql")
                .header("Content-Disposition", "attachment; filename=\"" + t.databaseId() + ".sql\"").build();
    }

    @PUT
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("token") String token, InputStream body) throws IOException {
        TransferStore.Transfer t = transfers.get(token);
        if (t == null) {
            return Envelope.error(new D1Exception(D1ErrorCode.INVALID_REQUEST, "Unknown or expired upload URL"));
        }
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(t.file()), md5)) {
            body.transferTo(out);
        }
        return Response.ok().header("ETag", "\"" + HexFormat.of().formatHex(md5.digest()) + "\"").build();
    }
}
