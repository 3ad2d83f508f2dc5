package dev.charter.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.EventTraffic;
import dev.charter.testsupport.ProblemAssertions;
import dev.charter.testsupport.ServiceIntegrationTest;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A dispute-service with its own fresh database and topics, on a random port, with the development issuer. The
 * registry, voting-service and nomination-service are played by the test on their topics; what the service
 * publishes is read from charter.disputes.v1. One Spring context for every IT; the roster is seeded once.
 */
@SpringBootTest(classes = DisputeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = "--spring.config.name=" + DisputeApplication.CONFIG_NAME)
@TestPropertySource(properties = {
        "charter.security.dev-issuer.enabled=true",
        "charter.consumer.max-attempts=3",
        "charter.consumer.initial-backoff=200ms",
        "db-scheduler.polling-interval=1s"})
public abstract class DisputeIntegrationTest extends ServiceIntegrationTest {

    protected static final String RULES = "pytorch-governance-mechanics/2024";
    protected static final DecisionRule SUPERMAJORITY_75 = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    protected static final List<String> CORE = List.of("ada", "grace", "linus", "margaret");
    protected static final Duration WAIT = Duration.ofSeconds(60);

    private static final Map<String, EventTraffic> TRAFFIC = new HashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dispute");
    }

    @Autowired
    protected DevTokenIssuer tokens;
    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void seedRosterOnce() {
        synchronized (TRAFFIC) {
            if (TRAFFIC.containsKey(topicPrefix)) {
                return;
            }
            TRAFFIC.put(topicPrefix, new EventTraffic(topicPrefix, EventStream.DISPUTES.topic(),
                    AxonPersistenceAutoConfiguration.eventObjectMapper(),
                    type -> EventCatalog.instance().typeOf(type),
                    type -> EventCatalog.instance().streamOf(type).topic(),
                    type -> EventCatalog.instance().streamOf(type).publisher(), WAIT));
        }
        seedRoster();
    }

    @AfterAll
    static void closeKafkaClients() {
        synchronized (TRAFFIC) {
            TRAFFIC.values().forEach(EventTraffic::close);
            TRAFFIC.clear();
        }
    }

    /**
     * The roster, as the registry would publish it: lead ada; core maintainers ada, grace, linus, margaret; module
     * nn (majority) with dennis and frances; module nn-functional (its own group, 75 % of the seated) with frances
     * and edsger; module vision (majority) with vera and walt. Ann and zoe are registered without seats.
     */
    private void seedRoster() {
        DecisionRef bootstrap = DecisionRef.bootstrap("import-1");
        for (String person : List.of("ada", "grace", "linus", "margaret", "dennis", "frances", "edsger", "vera",
                "walt", "ann", "zoe")) {
            traffic().publish(person, new PersonRegistered(person, person.toUpperCase(), null));
        }
        traffic().publish("nn", new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null,
                DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, bootstrap));
        traffic().publish("nn-functional", new ModuleAdded("nn-functional", "Functional", ModuleKind.DIRECTORY,
                "torch/nn/functional", null, SUPERMAJORITY_75, NominationProcess.OWN_GROUP, 180, bootstrap));
        traffic().publish("vision", new ModuleAdded("vision", "Vision", ModuleKind.REPOSITORY, "example-org/vision",
                null, DecisionRule.majority(), NominationProcess.OWN_GROUP, 365, bootstrap));
        CORE.forEach(person -> traffic().publish("core", new MaintainerAppointed(person, Role.CORE_MAINTAINER, null,
                bootstrap)));
        traffic().publish("core", new MaintainerAppointed("ada", Role.LEAD, null, bootstrap));
        Map.of("nn", List.of("dennis", "frances"), "nn-functional", List.of("frances", "edsger"),
                "vision", List.of("vera", "walt")).forEach((module, people) -> people.forEach(person ->
                traffic().publish(module, new MaintainerAppointed(person, Role.MODULE_MAINTAINER, module, bootstrap))));
        await().atMost(WAIT).until(() -> count("roster_person") == 11 && count("roster_seat") == 11
                && count("roster_module") == 3 && count("module_settings") == 3);
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    protected EventTraffic traffic() {
        return TRAFFIC.get(topicPrefix);
    }

    // --- playing voting-service

    /** Opens the requested ballot with this electorate, as voting-service would; returns its id. */
    protected String openBallot(BallotRequest request, List<String> electorate) {
        String ballotId = BallotIds.forRequest(request.requestId());
        traffic().publish(ballotId, new BallotOpened(ballotId, request, electorate, List.of(), "ada", 42L, RULES));
        return ballotId;
    }

    /** Closes a ballot with this outcome, as voting-service would. */
    protected void closeBallot(BallotRequest request, BallotOutcome outcome, Tally tally, CloseReason reason,
                               String decidedBy, String reasoning) {
        String ballotId = BallotIds.forRequest(request.requestId());
        traffic().publish(ballotId, new BallotClosed(ballotId, request.requestId(), request.subjectKind(),
                request.subjectId(), request.method(), outcome, tally, reason, decidedBy, reasoning, RULES));
    }

    protected static Tally yesNo(int electorate, int yes, int no) {
        return new Tally(electorate, 0, yes + no, yes, no, 0, null, true, List.of(new Round(1,
                List.of(new OptionCount("YES", yes), new OptionCount("NO", no)), null, false, 0)), null);
    }

    // --- the REST API through the generated client

    protected DisputeClients as(String personId) {
        return DisputeClients.as(baseUri(), tokens, personId);
    }

    protected DisputeClients anonymous() {
        return DisputeClients.as(baseUri(), tokens, null);
    }

    /** Runs a call expected to fail and returns its problem details, checking status and media type. */
    protected static JsonNode problem(int status, ProblemAssertions.ThrowingCall call) {
        return ProblemAssertions.problem(status, call);
    }
}
