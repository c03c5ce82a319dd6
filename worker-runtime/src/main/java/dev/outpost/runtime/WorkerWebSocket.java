package dev.outpost.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RT-10: the WebSocket a worker answered with ({@code new Response(null, {status: 101, webSocket: client})}),
 * seen from the embedder; RT-6: also an outbound WebSocket the worker opened, the embedder being the runtime's
 * own client connection (io/OutboundWebSocket). Frames of the real client go in with {@code receive*}; the isolate takes them one at a
 * time with {@link #next()}, so a worker that is busy leaves them queued and past {@link #PAUSE_AT} the embedder is
 * asked to {@link Peer#pause()} reading the client (backpressure). Frames the worker sends go to the attached
 * {@link Peer}; what it sends before the embedder has upgraded the connection is held until {@link #attach}.
 * Thread-safe: the embedder's I/O thread and the isolate's loop thread both call in.
 */
public final class WorkerWebSocket {
    /** Inbound frames queued before the client is paused; it resumes once the worker drained to {@link #RESUME_AT}. */
    public static final int PAUSE_AT = 32;
    public static final int RESUME_AT = 8;
    /** The close code a worker sees when the connection ended without a close frame (never sent on the wire). */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** What the worker does to the client's connection; called on any thread (the isolate's, the embedder's). */
    public interface Peer {
        void text(String text);

        void binary(byte[] bytes);

        void close(int code, String reason);

        /** Stop reading the client: the worker has {@link #PAUSE_AT} frames it has not taken yet. */
        void pause();

        void resume();
    }

    /** One event for the worker: a text or binary message, the client's close, or a failure of the connection. */
    public record Event(Kind kind, String text, byte[] bytes, int code) {
        public enum Kind { TEXT, BINARY, CLOSE, ERROR }

        static Event text(String text) {
            return new Event(Kind.TEXT, text, null, 0);
        }

        static Event binary(byte[] bytes) {
            return new Event(Kind.BINARY, null, bytes, 0);
        }

        static Event close(int code, String reason) {
            return new Event(Kind.CLOSE, reason == null ? "" : reason, null, code);
        }

        static Event error(String message) {
            return new Event(Kind.ERROR, message, null, 0);
        }

        public boolean isFinal() {
            return kind == Kind.CLOSE || kind == Kind.ERROR;
        }
    }

    private final ArrayDeque<Event> inbound = new ArrayDeque<>();
    private CompletableFuture<Event> waiting;
    private boolean inboundEnded;
    private boolean paused;
    private Peer peer;
    /** Worker frames before attach(): Runnables against the peer, replayed in order. */
    private List<java.util.function.Consumer<Peer>> early = new ArrayList<>();
    private boolean outboundClosed;

    // ---- embedder side -------------------------------------------------------------------------------

    /** The upgraded connection: frames the worker sent so far go out now, later ones as they are sent. */
    public void attach(Peer peer) {
        List<java.util.function.Consumer<Peer>> replay;
        synchronized (this) {
            this.peer = peer;
            replay = early;
            early = null;
        }
        replay.forEach(action -> action.accept(peer));
    }

    public void receiveText(String text) {
        offer(Event.text(text));
    }

    public void receiveBinary(byte[] bytes) {
        offer(Event.binary(bytes));
    }

    /** The client closed (code 1005 when its close frame had none). The worker sees a close event. */
    public void receiveClose(int code, String reason) {
        offer(Event.close(code, reason));
    }

    /** The connection failed (or the upgrade did): the worker sees an error, then the socket is over. */
    public void receiveError(String message) {
        offer(Event.error(message));
    }

    private void offer(Event event) {
        CompletableFuture<Event> taker;
        Peer pauseFor = null;
        synchronized (this) {
            if (inboundEnded) {
                return;
            }
            inboundEnded = event.isFinal();
            taker = waiting;
            waiting = null;
            if (taker == null) {
                inbound.add(event);
                if (!paused && inbound.size() >= PAUSE_AT && peer != null) {
                    paused = true;
                    pauseFor = peer;
                }
            }
        }
        if (taker != null) {
            taker.complete(event);
        }
        if (pauseFor != null) {
            pauseFor.pause();
        }
    }

    // ---- isolate side --------------------------------------------------------------------------------

    /** The next event for the worker; at most one is outstanding. Completes with a final event last. */
    public CompletionStage<Event> next() {
        Event event;
        Peer resumeFor = null;
        synchronized (this) {
            event = inbound.poll();
            if (event == null) {
                waiting = new CompletableFuture<>();
                return waiting;
            }
            if (paused && inbound.size() <= RESUME_AT) {
                paused = false;
                resumeFor = peer;
            }
        }
        if (resumeFor != null) {
            resumeFor.resume();
        }
        return CompletableFuture.completedFuture(event);
    }

    public void sendText(String text) {
        toPeer(p -> p.text(text), false);
    }

    public void sendBinary(byte[] bytes) {
        toPeer(p -> p.binary(bytes), false);
    }

    /** The worker closed its end; the client gets the close frame (and answers it with its own). */
    public void close(int code, String reason) {
        toPeer(p -> p.close(code, reason), true);
    }

    /** The worker's request ended (aborted, isolate gone) while the socket was open: the client is closed. */
    public void abort(int code, String reason) {
        close(code, reason);
        offer(Event.close(code, reason));
    }

    private void toPeer(java.util.function.Consumer<Peer> action, boolean closing) {
        Peer target;
        synchronized (this) {
            if (outboundClosed) {
                return;
            }
            outboundClosed = closing;
            target = peer;
            if (target == null) {
                early.add(action);
                return;
            }
        }
        action.accept(target);
    }
}
