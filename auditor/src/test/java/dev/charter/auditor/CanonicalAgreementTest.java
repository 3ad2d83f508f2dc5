package dev.charter.auditor;

import dev.charter.auditor.chain.Canonical;
import dev.charter.auditor.events.RecordedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalAgreementTest {

    @Test
    @DisplayName("the auditor's canonical JSON of a published event is the platform's, byte for byte, on real events")
    void agreesWithThePlatformOnRealEvents() {
        PublishedEvents published = Scenario.governance();
        List<RecordedEvent> events = published.events();
        List<String> platform = published.platformCanonical();
        assertThat(events).hasSizeGreaterThan(20);
        for (int i = 0; i < events.size(); i++) {
            assertThat(Canonical.document(events.get(i))).as(events.get(i).type()).isEqualTo(platform.get(i));
        }
    }

    @Test
    @DisplayName("the chain hash of each published event is the one it carries")
    void hashesAgree() {
        PublishedEvents published = Scenario.governance();
        String previous = Canonical.GENESIS;
        for (RecordedEvent event : published.events().stream().filter(e -> e.stream().equals("voting")).toList()) {
            previous = Canonical.hash(previous, Canonical.document(event));
            assertThat(previous).isEqualTo(event.chainHash());
        }
        assertThat(previous).isEqualTo(published.head("voting"));
    }
}
