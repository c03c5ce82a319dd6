package dev.outpost.r2.service;

import java.io.InputStream;

/**
 * An incoming object body: a blocking stream (read on a backend-writer thread, never an event loop),
 * its declared length (-1 unknown), and how to tell the producer the body will not be read.
 */
public record UploadBody(InputStream stream, long length, Runnable discard) {
}
