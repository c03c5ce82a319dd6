package dev.outpost.gateway.controlplane.rest;

import dev.outpost.gateway.controlplane.service.UploadedModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The parts of a worker upload form (API-2): the {@code metadata} JSON (a field, or a file part as wrangler
 * sends it) and one part per module, named by its file name.
 */
record UploadForm(String metadata, List<UploadedModule> modules) {

    static UploadForm read(String metadataField, List<FileUpload> files) {
        String metadata = metadataField;
        List<UploadedModule> modules = new ArrayList<>();
        for (FileUpload file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if ("metadata".equals(file.name())) {
                metadata = new String(content, StandardCharsets.UTF_8);
            } else {
                modules.add(new UploadedModule(file.fileName() != null ? file.fileName() : file.name(),
                        file.contentType(), content));
            }
        }
        return new UploadForm(metadata, modules);
    }
}
