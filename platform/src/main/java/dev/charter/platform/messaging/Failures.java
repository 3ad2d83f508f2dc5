package dev.charter.platform.messaging;

/** How the publisher, the consumers and the operators' endpoints name a failure: by its root cause. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause. */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The root cause as {@code SimpleName: message}. */
    public static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
