package dev.charter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.ProblemAssertions;
import dev.charter.testsupport.ServiceIntegrationTest;
import dev.charter.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A registry with its own fresh database and topics, on a random port, with the development issuer. */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = "--spring.config.name=" + RegistryApplication.CONFIG_NAME)
// the audit verification is recomputed on every call (tests tamper with the store between two calls)
@TestPropertySource(properties = {"charter.security.dev-issuer.enabled=true", "charter.audit.verification-cache=0s",
        "spring.profiles.active=dev"})
public abstract class RegistryIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registry");
    }

    @Autowired
    protected DevTokenIssuer tokens;

    protected static final ObjectMapper JSON = new ObjectMapper();


    protected RegistryClients as(String personId) {
        return RegistryClients.as(baseUri(), tokens, personId);
    }

    protected RegistryClients anonymous() {
        return RegistryClients.as(baseUri(), tokens, null);
    }

    protected static String resource(String name) {
        try {
            return new ClassPathResource(name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a call expected to fail and returns its problem details, checking status and media type. */
    protected static JsonNode problem(int status, ProblemAssertions.ThrowingCall call) {
        return ProblemAssertions.problem(status, call);
    }
}
