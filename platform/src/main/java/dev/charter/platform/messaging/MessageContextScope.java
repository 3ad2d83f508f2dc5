package dev.charter.platform.messaging;

import jakarta.servlet.ServletRequest;

/** Opens and closes a {@link MessageContext} around a servlet request handled on one thread. */
public final class MessageContextScope {

    private MessageContextScope() {
    }

    public static void open(ServletRequest request, String attribute, MessageContext context) {
        request.setAttribute(attribute, Boolean.TRUE);
        MessageContext.set(context);
    }

    public static void close(ServletRequest request, String attribute) {
        if (request.getAttribute(attribute) != null) {
            request.removeAttribute(attribute);
            MessageContext.clear();
        }
    }
}
