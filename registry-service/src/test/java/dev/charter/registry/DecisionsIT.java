package dev.charter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.registry.model.Roster;
import dev.charter.client.registry.model.RosterMember;
import dev.charter.client.registry.model.TenureEntry;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.consume.InboundEventListener;
import dev.charter.platform.publish.CloudEventMapper;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.KafkaTestPublisher;
import dev.charter.testsupport.TestInfrastructure;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In production a seat changes only by a decision event of another service, consumed from Kafka: each
 * applied exactly once, naming the decision, and visible on the registry's own stream.
 */
@TestPropertySource(properties = "spring.application.name=registry-decisions")
class DecisionsIT extends RegistryIntegrationTest {

    private static final TallySummary TALLY = new TallySummary(3, 0, 3, 0, 0, BallotOutcome.CARRIED);
    private static KafkaTestConsumer registryStream;

    @AfterAll
    static void stopListening() {
        if (registryStream != null) {
            registryStream.close();
        }
    }

    @BeforeEach
    void importRosterOnce() throws Exception {
        if (registryStream == null) {
            registryStream = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                    topicPrefix + EventStream.REGISTRY.topic());
            as("ada").bootstrap().importRoster(resource("roster.yaml"), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> anonymous().roster().getRoster(null).getLead() != null);
        }
    }

    @Test
    @DisplayName("R9: a confirmed nomination delivered twice appoints once, naming the decision; it is published as a CloudEvent")
    void appointsOnce() throws Exception {
        CloudEvent confirmed = decision("nomination-alan", new NominationConfirmed("nomination-alan",
                NominationKind.MODULE_MAINTAINER, "Alan", Role.MODULE_MAINTAINER, "nn", "Years of reviews.", "grace",
                "ballot-1", TALLY, "rules-1"));
        publish(confirmed);
        publish(confirmed);

        await().atMost(Duration.ofSeconds(30)).until(() -> maintainersOf("nn").contains("alan"));
        List<TenureEntry> seats = anonymous().persons().getTenure("alan").getEntries().stream()
                .filter(e -> e.getStatus() == TenureEntry.StatusEnum.ACTIVE).toList();
        assertThat(seats).singleElement().satisfies(seat -> {
            assertThat(seat.getModuleId()).isEqualTo("nn");
            assertThat(seat.getStartDecision().getEventType()).isEqualTo("NominationConfirmed");
            assertThat(seat.getStartDecision().getEventId()).isEqualTo(confirmed.getId());
            assertThat(seat.getStartDecision().getReference()).isEqualTo("nomination-alan");
            assertThat(seat.getStartDecision().getSource()).isEqualTo("charter.nominations.v1");
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> appointmentsOf("alan").size() == 1);
        ConsumerRecord<String, byte[]> record = appointmentsOf("alan").get(0);
        assertThat(record.key()).isEqualTo("nn");
        assertThat(header(record, "ce_type")).isEqualTo("dev.charter.registry.MaintainerAppointed.v2");
        assertThat(header(record, "ce_actor")).isEqualTo("system:registry");
        assertThat(header(record, "ce_causationid")).isEqualTo(confirmed.getId());
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.get("decision").get("eventId").asText()).isEqualTo(confirmed.getId());
        // nothing more arrives for alan after the duplicate
        assertThat(appointmentsOf("alan")).hasSize(1);
    }

    @Test
    @DisplayName("R10: a confirmed removal ends the seat and CODEOWNERS follows")
    void removes() throws Exception {
        publish(decision("nomination-dennis-out", new NominationConfirmed("nomination-dennis-out",
                NominationKind.REMOVAL, "dennis", Role.MODULE_MAINTAINER, "nn", "Inactive for two years.", "grace",
                "ballot-2", TALLY, "rules-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !maintainersOf("nn").contains("dennis"));
        assertThat(anonymous().files().getCodeowners(null, null)).doesNotContain("/torch/nn/ @dennis");
        assertThat(anonymous().persons().getTenure("dennis").getEntries())
                .anySatisfy(e -> {
                    assertThat(e.getModuleId()).isEqualTo("nn");
                    assertThat(e.getStatus()).isEqualTo(TenureEntry.StatusEnum.ENDED);
                    assertThat(e.getEndReason()).isEqualTo("REMOVED");
                    assertThat(e.getEndDecision().getReference()).isEqualTo("nomination-dennis-out");
                });
    }

    @Test
    @DisplayName("R11, R12, R13: a core maintainer is confirmed, the lead seat is vacated, and the elected core maintainer becomes lead")
    void leadSuccession() throws Exception {
        publish(decision("nomination-margaret", new NominationConfirmed("nomination-margaret",
                NominationKind.CORE_MAINTAINER, "margaret", Role.CORE_MAINTAINER, null, "Broad design work.", "ada",
                "ballot-3", TALLY, "rules-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(roster().getCoreMaintainers()).contains("margaret"));

        publish(decision("vacancy-1", new LeadSeatVacated("vacancy-1", "ada", VacancyReason.REMOVED,
                "nomination-lead-out", "Removed by 3 of 3.", "ballot-4", "rules-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster().getLead() == null);
        assertThat(ids(roster().getCoreMaintainers())).contains("ada");

        publish(decision("election-1", new LeadElected("election-1", "margaret", "ballot-5", "rules-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster().getLead() != null);
        assertThat(roster().getLead().getPersonId()).isEqualTo("margaret");
        assertThat(roster().getLead().getDecision().getEventType()).isEqualTo("LeadElected");
    }

    @Test
    @DisplayName("R15: an accepted module proposal adds the module with its initial maintainers and proposed settings")
    void addsModule() throws Exception {
        publish(decision("proposal-1", new ModuleProposalAccepted("proposal-1", ProposalAction.ADD, "sparse",
                "Sparse tensors", ModuleKind.DIRECTORY, "torch/sparse", "Sparse layouts.", List.of("Barbara"),
                new ModuleSettings(new DecisionRule(DecisionMethod.UNANIMOUS, null, null, null),
                        NominationProcess.OWN_GROUP, 90),
                "Worth its maintenance cost.", "ada", "ballot-6", null, "rules-1")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                anonymous().files().getCodeowners(null, null).contains("/torch/sparse/ @barbara"));
        var sparse = anonymous().modules().getModule("sparse", null);
        assertThat(sparse.getSettings().getDecisionRule().getMethod())
                .isEqualTo(dev.charter.client.registry.model.DecisionMethod.UNANIMOUS);
        assertThat(sparse.getSettings().getInactivityPeriodDays()).isEqualTo(90);
    }

    @Test
    @DisplayName("R15: accepted proposals re-scope a module (its maintainers keep their tenure) and retire it (the seats end with that decision as the reason)")
    void rescopesAndRetires() throws Exception {
        CloudEvent added = decision("proposal-jit", new ModuleProposalAccepted("proposal-jit", ProposalAction.ADD, "jit",
                "JIT", ModuleKind.DIRECTORY, "torch/jit", null, List.of("margaret"),
                new ModuleSettings(DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365),
                "Worth it.", "ada", "ballot-9", TALLY, "rules-1"));
        publish(added);
        publish(added);
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymous().files().getCodeowners(null, null)
                .contains("/torch/jit/ @margaret"));
        TenureEntry seat = jitSeat();

        publish(decision("proposal-jit-rescope", new ModuleProposalAccepted("proposal-jit-rescope",
                ProposalAction.RESCOPE, "jit", "TorchScript", ModuleKind.DIRECTORY, "torch/csrc/jit", null, List.of(),
                null, "Where the code lives now.", "grace", "ballot-10", TALLY, "rules-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymous().files().getCodeowners(null, null)
                .contains("/torch/csrc/jit/ @margaret"));
        assertThat(anonymous().modules().getModule("jit", null).getName()).isEqualTo("TorchScript");
        assertThat(jitSeat()).isEqualTo(seat);

        publish(decision("proposal-jit-retire", new ModuleProposalAccepted("proposal-jit-retire",
                ProposalAction.RETIRE, "jit", null, null, null, null, List.of(), null, "Folded into core.", "grace",
                "ballot-11", TALLY, "rules-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !maintainersOf("jit").contains("margaret"));
        assertThat(anonymous().persons().getTenure("margaret").getEntries())
                .filteredOn(e -> "jit".equals(e.getModuleId())).singleElement().satisfies(e -> {
                    assertThat(e.getStatus()).isEqualTo(TenureEntry.StatusEnum.ENDED);
                    assertThat(e.getEndReason()).isEqualTo("MODULE_RETIRED");
                    assertThat(e.getEndDecision().getEventType()).isEqualTo("ModuleProposalAccepted");
                    assertThat(e.getEndDecision().getReference()).isEqualTo("proposal-jit-retire");
                });
        assertThat(anonymous().files().getCodeowners(null, null)).doesNotContain("jit");
    }

    private TenureEntry jitSeat() throws Exception {
        return anonymous().persons().getTenure("margaret").getEntries().stream()
                .filter(e -> "jit".equals(e.getModuleId())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("R2: a decision for an unregistered person is dead-lettered with its event id; later decisions still apply")
    void poisonDecision() throws Exception {
        String dlt = InboundEventListener.deadLetterTopic(topicPrefix + EventStream.NOMINATIONS.topic(), "registry");
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(), dlt)) {
            CloudEvent ghost = decision("nomination-ghost", new NominationConfirmed("nomination-ghost",
                    NominationKind.MODULE_MAINTAINER, "ghost", Role.MODULE_MAINTAINER, "vision", "?", "grace",
                    "ballot-7", TALLY, "rules-1"));
            publish(ghost);
            publish(decision("nomination-linus", new NominationConfirmed("nomination-linus",
                    NominationKind.MODULE_MAINTAINER, "linus", Role.MODULE_MAINTAINER, "vision", "Yes.", "grace",
                    "ballot-8", TALLY, "rules-1")));
            await().atMost(Duration.ofSeconds(30)).until(() -> maintainersOf("vision").contains("linus"));
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll().stream()
                    .anyMatch(r -> ghost.getId().equals(header(r, "ce_id"))));
            assertThat(maintainersOf("vision")).doesNotContain("ghost");
        }
    }

    private CloudEvent decision(String subject, Object payload) {
        return CloudEventMapper.publicEvent(AxonPersistenceAutoConfiguration.eventObjectMapper(), "nomination",
                UUID.randomUUID().toString(), subject, payload);
    }

    private void publish(CloudEvent event) {
        try (KafkaTestPublisher publisher = new KafkaTestPublisher(TestInfrastructure.kafkaBootstrapServers(),
                "nomination")) {
            publisher.publish(topicPrefix + EventStream.NOMINATIONS.topic(), event.getSubject(), event);
        }
    }

    private Roster roster() throws Exception {
        return anonymous().roster().getRoster(null);
    }

    private List<String> maintainersOf(String moduleId) throws Exception {
        return ids(anonymous().modules().getModule(moduleId, null).getMaintainers());
    }

    private List<ConsumerRecord<String, byte[]>> appointmentsOf(String personId) {
        return registryStream.poll().stream()
                .filter(r -> "dev.charter.registry.MaintainerAppointed.v2".equals(header(r, "ce_type")))
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"personId\":\"" + personId + "\""))
                .toList();
    }

    private static List<String> ids(List<RosterMember> members) {
        return members.stream().map(RosterMember::getPersonId).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
