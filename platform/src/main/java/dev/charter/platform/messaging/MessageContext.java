package dev.charter.platform.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who is acting and why, for the commands dispatched on the current thread: set by the web layer for
 * a request (the authenticated person) and by the consumer for an event from another stream
 * ({@code system:<service>}, caused by that event).
 *
 * @param actor         person id, or {@code system:<service>}
 * @param correlationId shared by everything that follows from one request
 * @param causationId   the request or event that caused the commands
 */
public record MessageContext(String actor, String correlationId, String causationId) {

    private static final ThreadLocal<MessageContext> CURRENT = new ThreadLocal<>();

    public static Optional<MessageContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static MessageContext newRequest(String actor) {
        String id = UUID.randomUUID().toString();
        return new MessageContext(actor, id, id);
    }

    /** Runs work with this context, restoring the previous one afterwards. */
    public <T> T call(Supplier<T> work) {
        MessageContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static void set(MessageContext context) {
        CURRENT.set(context);
    }

    static void clear() {
        CURRENT.remove();
    }
}
