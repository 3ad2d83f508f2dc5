package dev.charter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a local port to another host:port, and lets a test break the link: {@link #cutConnections()} drops every
 * open connection (as a database restart or a network fault would; new ones are accepted), {@link #stop()} drops
 * them and refuses new ones until {@link #restart()} (a server gone and back on the same address), {@link #freeze()}
 * holds every byte until {@link #thaw()} (a server that hangs: requests wait, nothing fails at once). Also lets a test
 * give a service an address before the server behind it exists.
 */
public final class TcpForwarder implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean frozen;

    private TcpForwarder(int port, String targetHost, int targetPort) throws IOException {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listen();
    }

    /** Listens on {@code port} and forwards to {@code target} ("host:port"). */
    public static TcpForwarder start(int port, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        return new TcpForwarder(port, target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
    }

    /** A port that is free now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    private synchronized void listen() throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = listening;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket target = new Socket(targetHost, targetPort);
                    sockets.add(client);
                    sockets.add(target);
                    pump(client.getInputStream(), target.getOutputStream());
                    pump(target.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    // closed, or the target refused: the client sees a dropped connection and retries
                }
            }
        }, "tcp-forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Drops every open connection; new connections are still forwarded. */
    public void cutConnections() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        sockets.clear();
    }

    /** Drops every connection and refuses new ones, until {@link #restart()}. */
    public synchronized void stop() throws IOException {
        server.close();
        cutConnections();
    }

    /** Listens again on the same port. */
    public synchronized void restart() throws IOException {
        if (server.isClosed()) {
            listen();
        }
    }

    /** Holds every byte in both directions (connections stay open) until {@link #thaw()}. */
    public void freeze() {
        frozen = true;
    }

    public synchronized void thaw() {
        frozen = false;
        notifyAll();
    }

    private synchronized void awaitThawed() throws java.io.InterruptedIOException {
        while (frozen) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }
    }

    private void pump(InputStream in, OutputStream out) {
        Thread thread = new Thread(() -> {
            try (in; out) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    awaitThawed();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
