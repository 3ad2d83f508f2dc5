package dev.charter.platform.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test hold a command inside its handler, to let another "replica" commit first. */
public final class TestHooks {

    private static volatile boolean armed;
    private static volatile CountDownLatch entered = new CountDownLatch(0);
    private static volatile CountDownLatch release = new CountDownLatch(0);

    private TestHooks() {
    }

    public static synchronized void holdNextCommand() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        armed = true;
    }

    public static void awaitEntered() throws InterruptedException {
        entered.await(30, TimeUnit.SECONDS);
    }

    public static void release() {
        release.countDown();
    }

    private static volatile boolean projectionArmed;
    private static volatile CountDownLatch projectionEntered = new CountDownLatch(0);
    private static volatile CountDownLatch projectionRelease = new CountDownLatch(0);

    /** Holds the projection in its next PersonRegistered, inside its transaction. */
    public static synchronized void holdNextProjection() {
        projectionEntered = new CountDownLatch(1);
        projectionRelease = new CountDownLatch(1);
        projectionArmed = true;
    }

    public static void awaitProjectionEntered() throws InterruptedException {
        projectionEntered.await(30, TimeUnit.SECONDS);
    }

    public static void releaseProjection() {
        projectionRelease.countDown();
    }

    static void pauseIfProjectionHeld() {
        CountDownLatch toAwait;
        synchronized (TestHooks.class) {
            if (!projectionArmed) {
                return;
            }
            projectionArmed = false;
            toAwait = projectionRelease;
            projectionEntered.countDown();
        }
        try {
            toAwait.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static void pauseIfHeld() {
        CountDownLatch toAwait;
        synchronized (TestHooks.class) {
            if (!armed) {
                return;
            }
            armed = false;
            toAwait = release;
            entered.countDown();
        }
        try {
            toAwait.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
