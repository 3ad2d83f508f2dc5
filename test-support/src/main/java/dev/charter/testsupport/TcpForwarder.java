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
 * Forwards a local port to another host:port. Lets a test give a service a Kafka bootstrap address before
 * the broker behind it exists (the broker's own ports are chosen by the test kit); clients bootstrap through
 * it and then talk to the broker directly.
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpForwarder(int port, String targetHost, int targetPort) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
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

    private static void pump(InputStream in, OutputStream out) {
        Thread thread = new Thread(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
