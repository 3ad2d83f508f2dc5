package dev.charter.registry;

import dev.charter.client.audit.AuditApi;
import dev.charter.client.audit.invoker.ApiClient;
import dev.charter.client.audit.model.ChainHead;
import dev.charter.client.audit.model.ChainLink;
import dev.charter.client.audit.model.ChainPage;
import dev.charter.client.audit.model.ChainVerification;
import dev.charter.client.registry.model.AffiliationChange;
import dev.charter.platform.audit.AuditChain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DESIGN §4: the hash chain over the registry's events, its API and its server-side verification. */
@TestPropertySource(properties = "spring.application.name=registry-audit")
class AuditIT extends RegistryIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the chain links every published event by SHA-256 and verifies; tampering with a stored event is found")
    void chainVerifiesAndFindsTampering() throws Exception {
        as("ada").bootstrap().importRoster(resource("roster.yaml"), null);
        as("ada").persons().changeAffiliation("ada", new AffiliationChange().affiliation("Elsewhere"), null);
        int stored = jdbc.sql("SELECT count(*) FROM domainevententry").query(Integer.class).single();
        AuditApi audit = new AuditApi(client());
        await().atMost(Duration.ofSeconds(30)).until(() -> audit.getChainHead().getLength() == stored);

        List<ChainLink> links = new ArrayList<>();
        String cursor = null;
        do {
            ChainPage page = audit.listChainedEvents(cursor, 10);
            links.addAll(page.getItems());
            cursor = page.getNext();
        } while (cursor != null);
        assertThat(links).hasSize(stored);
        String previous = AuditChain.GENESIS;
        for (ChainLink link : links) {
            assertThat(link.getPreviousHash()).isEqualTo(previous);
            assertThat(link.getHash()).isEqualTo(AuditChain.hash(previous, link.getCanonicalJson()));
            previous = link.getHash();
        }
        ChainHead head = audit.getChainHead();
        assertThat(head.getHash()).isEqualTo(previous);

        // anyone: from the last checkpoint (none yet: the whole chain)
        ChainVerification verdict = audit.verifyChain();
        assertThat(verdict.getValid()).isTrue();
        assertThat(verdict.getChecked()).isEqualTo(stored);
        assertThat(verdict.getUnchained()).isZero();
        // the run from genesis needs a token
        AuditApi authenticated = new AuditApi(client("ada"));
        assertThat(authenticated.verifyWholeChain().getMode()).isEqualTo(ChainVerification.ModeEnum.FULL);

        List<ChainLink> adaHistory = audit.getAggregateHistory("ada", null, null);
        assertThat(adaHistory).extracting(ChainLink::getEventType).containsExactly(
                "dev.charter.registry.PersonRegistered.v1", "dev.charter.registry.AffiliationChanged.v1");

        // the chain itself is append-only
        jdbc.sql("UPDATE audit_chain SET hash = 'forged'").update();
        jdbc.sql("DELETE FROM audit_chain").update();
        assertThat(authenticated.verifyWholeChain().getValid()).isTrue();

        // someone edits an event in the store: the verification names the link
        String eventId = adaHistory.get(1).getEventId();
        jdbc.sql("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?")
                .params("{\"personId\":\"ada\",\"affiliation\":\"Forged Corp\",\"previousAffiliation\":null}"
                        .getBytes(StandardCharsets.UTF_8), eventId)
                .update();
        ChainVerification broken = authenticated.verifyWholeChain();
        assertThat(broken.getValid()).isFalse();
        assertThat(broken.getFirstInvalidSequence()).isEqualTo(adaHistory.get(1).getSequence());
        assertThat(broken.getProblem()).contains(eventId);
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri());
        return client;
    }

    private ApiClient client(String personId) {
        ApiClient client = client();
        String token = tokens.issue(personId);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
