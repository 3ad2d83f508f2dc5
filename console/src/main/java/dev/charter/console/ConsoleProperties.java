package dev.charter.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the console finds the services, and how it signs people in.
 *
 * @param registry    the registry's base URL
 * @param voting      voting-service's base URL
 * @param nominations nomination-service's base URL
 * @param disputes    dispute-service's base URL
 * @param signInAs    lists the registered persons on the sign-in page, each a button that signs in as them
 *                    (only for the development issuer of the local stack, which asks for no password)
 * @param timeout     how long a call to a service may take
 * @param refresh     how often the self-refreshing parts of a page reload (htmx)
 */
@ConfigurationProperties(prefix = "charter.console")
public record ConsoleProperties(URI registry, URI voting, URI nominations, URI disputes, boolean signInAs,
                                Duration timeout, Duration refresh) {

    public ConsoleProperties {
        registry = registry == null ? URI.create("http://localhost:8081") : registry;
        voting = voting == null ? URI.create("http://localhost:8082") : voting;
        nominations = nominations == null ? URI.create("http://localhost:8083") : nominations;
        disputes = disputes == null ? URI.create("http://localhost:8084") : disputes;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        refresh = refresh == null ? Duration.ofSeconds(5) : refresh;
    }
}
