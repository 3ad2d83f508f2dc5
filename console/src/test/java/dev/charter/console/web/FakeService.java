package dev.charter.console.web;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A loopback server playing a service's public API for the console's page tests: a fixed JSON answer per path, and a
 * 404 problem with the given detail for any other path.
 */
final class FakeService {

    private FakeService() {
    }

    static HttpServer answering(Map<String, String> answers, String notFoundDetail) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String answer = answers.get(exchange.getRequestURI().getPath());
                int status = answer == null ? 404 : 200;
                String body = answer != null ? answer : """
                        {"type":"about:blank","title":"Not Found","status":404,"detail":"%s"}""".formatted(notFoundDetail);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        answer == null ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
