package dev.charter.nomination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.client.nominations.invoker.ApiException;
import dev.charter.client.nominations.model.Nomination;
import dev.charter.client.nominations.model.NominationStatus;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.KafkaTestPublisher;
import dev.charter.testsupport.ProblemAssertions;
import dev.charter.testsupport.ServiceIntegrationTest;
import dev.charter.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A nomination service with its own fresh database and topics, on a random port, with the development issuer.
 * The registry and voting-service are played by the test, publishing their events to their topics; the review
 * cycles last twelve seconds, so a request to the core maintainers meets within one. One Spring context for
 * every IT; the roster is seeded once.
 */
@SpringBootTest(classes = NominationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = "--spring.config.name=" + NominationApplication.CONFIG_NAME)
@TestPropertySource(properties = {
        "charter.security.dev-issuer.enabled=true",
        "charter.nomination.review-cycles.next-meeting=2026-01-01T00:00:00Z",
        "charter.nomination.review-cycles.length=PT12S",
        "charter.nomination.review-cycles.cut-off=PT2S",
        "charter.consumer.max-attempts=3",
        "charter.consumer.initial-backoff=200ms",
        "db-scheduler.polling-interval=1s"})
public abstract class NominationIntegrationTest extends ServiceIntegrationTest {

    protected static final String RULES = "pytorch-governance-mechanics/2024";
    protected static final DecisionRule SUPERMAJORITY_75 = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    protected static final List<String> CORE = List.of("ada", "grace", "linus", "margaret");
    private static final List<String> PERSONS = List.of("ada", "grace", "linus", "margaret", "dennis", "frances",
            "edsger", "ann", "bob", "zoe", "yuri");
    protected static final ObjectMapper EVENTS = AxonPersistenceAutoConfiguration.eventObjectMapper();
    protected static final Duration WAIT = Duration.ofSeconds(60);

    private static final Map<String, KafkaTestConsumer> NOMINATION_TOPICS = new HashMap<>();
    private static final Map<EventStream, KafkaTestPublisher> PUBLISHERS = new HashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "nomination");
    }

    @Autowired
    protected DevTokenIssuer tokens;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected RosterReader roster;

    @BeforeEach
    void seedRosterOnce() {
        synchronized (NOMINATION_TOPICS) {
            if (NOMINATION_TOPICS.containsKey(topicPrefix)) {
                return;
            }
            NOMINATION_TOPICS.put(topicPrefix, new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                    topicPrefix + EventStream.NOMINATIONS.topic()));
        }
        seedRoster();
    }

    @AfterAll
    static void closeKafkaClients() {
        synchronized (NOMINATION_TOPICS) {
            PUBLISHERS.values().forEach(KafkaTestPublisher::close);
            PUBLISHERS.clear();
        }
    }

    /**
     * The roster, as the registry would publish it: lead ada; core maintainers ada, grace, linus, margaret;
     * module nn (requests to the core maintainers) with dennis and frances; module nn-functional (its own group,
     * 75 % of the seated) with frances and edsger; grace declared a filial conflict with dennis. Ann, bob, zoe and
     * yuri are registered without seats.
     */
    private void seedRoster() {
        DecisionRef bootstrap = DecisionRef.bootstrap("import-1");
        for (String person : PERSONS) {
            registry(person, new PersonRegistered(person, person.toUpperCase(), null));
        }
        registry("nn", new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null,
                DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, bootstrap));
        registry("nn-functional", new ModuleAdded("nn-functional", "Functional", ModuleKind.DIRECTORY,
                "torch/nn/functional", null, SUPERMAJORITY_75, NominationProcess.OWN_GROUP, 180, bootstrap));
        CORE.forEach(person -> registry("core", new MaintainerAppointed(person, Role.CORE_MAINTAINER, null, bootstrap)));
        registry("core", new MaintainerAppointed("ada", Role.LEAD, null, bootstrap));
        for (String person : List.of("dennis", "frances")) {
            registry("nn", new MaintainerAppointed(person, Role.MODULE_MAINTAINER, "nn", bootstrap));
        }
        for (String person : List.of("frances", "edsger")) {
            registry("nn-functional", new MaintainerAppointed(person, Role.MODULE_MAINTAINER, "nn-functional",
                    bootstrap));
        }
        registry("grace", new ConflictOfInterestDeclared("grace", "conflict-1", "dennis", ConflictKind.FILIAL,
                "siblings"));
        await().atMost(WAIT).until(() -> PERSONS.stream().allMatch(p -> roster.standing(p).registered())
                && roster.coreMaintainers().equals(CORE) && roster.lead().isPresent()
                && roster.moduleMaintainers("nn").size() == 2 && roster.moduleMaintainers("nn-functional").size() == 2
                && roster.modules().size() == 2 && roster.conflictedWith("dennis").equals(List.of("grace")));
    }

    // --- playing the other services

    protected String registry(String key, RegistryEvent event) {
        return publish(EventStream.REGISTRY, key, event);
    }

    protected String voting(String ballotId, VotingEvent event) {
        return publish(EventStream.VOTING, ballotId, event);
    }

    private String publish(EventStream stream, String key, PublicEvent event) {
        KafkaTestPublisher publisher;
        synchronized (NOMINATION_TOPICS) {
            // as the stream's one publisher: consumers refuse a stream's events from any other source
            publisher = PUBLISHERS.computeIfAbsent(stream, s -> new KafkaTestPublisher(
                    TestInfrastructure.kafkaBootstrapServers(), s.publisher()));
        }
        try {
            return publisher.publish(topicPrefix + stream.topic(), key, EventCatalog.instance().typeOf(event.getClass()),
                    EVENTS.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the requested ballot with this electorate and closes it with this result, as voting-service would. */
    protected String holdBallot(BallotRequest request, List<String> electorate, List<Recusal> recusals,
                                BallotOutcome outcome, Tally tally) {
        String ballotId = BallotIds.forRequest(request.requestId());
        voting(ballotId, new BallotOpened(ballotId, request, electorate, recusals, "ada", 42L, RULES));
        voting(ballotId, new BallotClosed(ballotId, request.requestId(), request.subjectKind(), request.subjectId(),
                request.method(), outcome, tally, CloseReason.OUTCOME_SETTLED, null, null, RULES));
        return ballotId;
    }

    protected static Tally yesNo(int electorate, int recused, int yes, int no) {
        return new Tally(electorate, recused, yes + no, yes, no, 0, null, true,
                List.of(new Round(1, List.of(new dev.charter.contracts.voting.OptionCount("YES", yes),
                        new dev.charter.contracts.voting.OptionCount("NO", no)), null, false, 0)), null);
    }

    // --- what the service published

    /** The first event of this type the service published for this aggregate. */
    protected <T extends NominationEvent> T awaitPublished(String key, Class<T> type) {
        return payload(awaitRecord(key, type), type);
    }

    protected ConsumerRecord<String, byte[]> awaitRecord(String key, Class<? extends NominationEvent> type) {
        String ceType = EventCatalog.instance().typeOf(type);
        KafkaTestConsumer consumer = NOMINATION_TOPICS.get(topicPrefix);
        return await().atMost(WAIT).until(() -> consumer.poll().stream()
                .filter(r -> key.equals(r.key()) && ceType.equals(header(r, "ce_type"))).findFirst().orElse(null),
                r -> r != null);
    }

    /** Every event the service has published so far for this aggregate, by type name. */
    protected List<String> publishedTypes(String key) {
        return NOMINATION_TOPICS.get(topicPrefix).poll().stream().filter(r -> key.equals(r.key()))
                .map(r -> header(r, "ce_type")).toList();
    }

    protected static <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return EVENTS.readValue(record.value(), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- the REST API through the generated client


    protected NominationClients as(String personId) {
        return NominationClients.as(baseUri(), tokens, personId);
    }

    protected NominationClients anonymous() {
        return NominationClients.as(baseUri(), tokens, null);
    }

    /** Waits until the nomination's detail shows the status, and returns it. */
    protected Nomination awaitStatus(String nominationId, NominationStatus status) {
        return await().atMost(WAIT).ignoreException(ApiException.class)
                .until(() -> anonymous().nominations().getNomination(nominationId), n -> n.getStatus() == status);
    }

    /** Runs a call expected to fail and returns its problem details, checking status and media type. */
    protected static JsonNode problem(int status, ProblemAssertions.ThrowingCall call) {
        return ProblemAssertions.problem(status, call);
    }
}
