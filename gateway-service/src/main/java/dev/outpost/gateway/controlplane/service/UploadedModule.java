package dev.outpost.gateway.controlplane.service;

/** One module part of a script upload (API-2). */
public record UploadedModule(String name, String contentType, byte[] content) {
}
