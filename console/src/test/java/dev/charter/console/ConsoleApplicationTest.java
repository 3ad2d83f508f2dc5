package dev.charter.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on its own, its services unreachable (nothing listens on port 9): pages say so instead of failing,
 * reading needs no sign-in, acting does, and the services' infrastructure on the classpath is not started here.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=charter-console", "charter.console.registry=http://localhost:9",
                "charter.console.voting=http://localhost:9", "charter.console.nominations=http://localhost:9",
                "charter.console.disputes=http://localhost:9", "charter.console.timeout=2s"})
class ConsoleApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @DisplayName("a page whose service does not answer shows the problem under 503, not an error")
    void serviceDown() throws Exception {
        HttpResponse<String> home = get("/");

        assertThat(home.statusCode()).isEqualTo(503);
        assertThat(home.body()).contains("Service unavailable").contains("The registry service did not answer")
                .contains("data-test=\"problem\"");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    @DisplayName("an unreadable asOf is a 400 page")
    void badAsOf() throws Exception {
        HttpResponse<String> page = get("/?asOf=last-week");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("is not a date and time");
    }

    @Test
    @DisplayName("signing in starts the authorization-code flow at the identity provider, with the login hint")
    void signIn() throws Exception {
        HttpResponse<String> page = get("/sign-in");
        HttpResponse<String> start = get("/oauth2/authorization/charter?login_hint=ada");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in with Charter development issuer");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://localhost:9/dev/authorize?").contains("login_hint=ada")
                .contains("code_challenge="));
    }

    @Test
    @DisplayName("a vote sent without the form's CSRF token (another site's form) is refused")
    void csrf() throws Exception {
        HttpResponse<String> vote = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ballots/b-1/vote"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("choice=YES")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(vote.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("static resources and htmx from its WebJar are served; no service infrastructure runs here")
    void resourcesOnly() throws Exception {
        assertThat(get("/console.css").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
        assertThat(context.containsBean("eventStore")).isFalse();
    }

    @Test
    @DisplayName("health for Kubernetes' probes: liveness and readiness are up while the services do not answer")
    void probes() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
