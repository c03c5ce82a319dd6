package dev.outpost.runtime.api;

import static dev.outpost.runtime.api.HostCallAnswers.started;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueArray;
import dev.outpost.runtime.bindings.queue.QueueBacklog;
import dev.outpost.runtime.bindings.queue.QueueOutgoingMessage;
import dev.outpost.runtime.bindings.queue.QueueProducerBinding;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;

import java.util.ArrayList;
import java.util.List;

/**
 * Java half of queues.js (Q-1..Q-3): turns host calls into {@link QueueProducerBinding} calls. Producers are
 * addressed by their index in the environment; bodies arrive encoded (a string, UTF-8 encoded here, or an
 * ArrayBuffer); the backlog goes back as one JSON text.
 */
public final class QueueHost implements HostApi {
    private final HostServices services;
    private final List<QueueProducerBinding> producers;

    public QueueHost(HostServices services, List<QueueProducerBinding> producers) {
        this.services = services;
        this.producers = List.copyOf(producers);
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("queueSend", args -> {
                QueueProducerBinding producer = producer(args);
                QueueOutgoingMessage message = new QueueOutgoingMessage(JsBytes.toBytes(JsArgs.arg(args, 2)),
                        JsArgs.string(args, 3), delay(JsArgs.integer(args, 4, -1)));
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), () -> producer.send(message),
                        QueueHost::backlog));
            });
            host.function("queueSendBatch", args -> {
                QueueProducerBinding producer = producer(args);
                List<QueueOutgoingMessage> messages = batch(JsArgs.arg(args, 2), JsArgs.string(args, 3));
                Integer delay = delay(JsArgs.integer(args, 4, -1));
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0),
                        () -> producer.sendBatch(messages, delay), QueueHost::backlog));
            });
            host.function("queueMetrics", args -> {
                QueueProducerBinding producer = producer(args);
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), producer::metrics,
                        QueueHost::backlog));
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bodies as an array (strings or ArrayBuffers) and, in step, "contentType:delay" pairs joined by commas. */
    private static List<QueueOutgoingMessage> batch(V8Value bodies, String metaText) throws JavetException {
        if (!(bodies instanceof V8ValueArray array)) {
            throw new IllegalArgumentException("bodies must be an array");
        }
        String[] meta = metaText.split(",");
        int length = array.getLength();
        if (meta.length != length) {
            throw new IllegalArgumentException("batch metadata does not match the bodies");
        }
        List<QueueOutgoingMessage> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            try (V8Value body = array.get(i)) {
                int colon = meta[i].indexOf(':');
                out.add(new QueueOutgoingMessage(JsBytes.toBytes(body), meta[i].substring(0, colon),
                        delay(Integer.parseInt(meta[i].substring(colon + 1)))));
            }
        }
        return out;
    }

    private static Integer delay(int value) {
        return value < 0 ? null : value;
    }

    private QueueProducerBinding producer(V8Value[] args) {
        int index = JsArgs.integer(args, 1, -1);
        if (index < 0 || index >= producers.size()) {
            throw new IllegalArgumentException("unknown queue producer index " + index);
        }
        QueueProducerBinding producer = producers.get(index);
        if (producer == null) {
            throw new IllegalStateException("Queue send failed: this queue binding has no producer in this runtime");
        }
        return producer;
    }

    private static V8Value[] backlog(V8Runtime rt, QueueBacklog b) throws JavetException {
        String json = "{\"count\":" + b.count() + ",\"bytes\":" + b.bytes() + ",\"oldest\":" + b.oldestMessageTimestampMs() + "}";
        return new V8Value[]{rt.createV8ValueString(json), rt.createV8ValueUndefined()};
    }
}
