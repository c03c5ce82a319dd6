package dev.outpost.runtime.bindings.queue;

/**
 * A message as a producer sends it: the encoded body, its content type ({@code json}, {@code text},
 * {@code bytes} or {@code v8}) and its own delay in seconds (null = inherit, Q-4).
 */
public record QueueOutgoingMessage(byte[] body, String contentType, Integer delaySeconds) {
}
