package dev.charter.voting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.client.voting.BallotsApi;
import dev.charter.client.voting.invoker.ApiClient;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.KafkaTestPublisher;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * A voting-service with its own fresh database and topics, on a random port, with the development issuer.
 * Every IT shares this one context. Its roster copy is fed once, by registry events published on
 * {@code <prefix>charter.registry.v1} as the registry would publish them:
 * core maintainers ada (lead), grace, ken, linus, margaret; module nn (majority) with dennis and frances;
 * module fn (75 % of the seated group) with barbara and frances; a declared conflict between linus and margaret.
 */
@SpringBootTest(classes = VotingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = "--spring.config.name=" + VotingApplication.CONFIG_NAME)
@TestPropertySource(properties = {"charter.security.dev-issuer.enabled=true", "db-scheduler.polling-interval=1s"})
public abstract class VotingIntegrationTest extends ServiceIntegrationTest {

    protected static final ObjectMapper JSON = AxonPersistenceAutoConfiguration.eventObjectMapper();
    private static final Set<String> SEEDED = ConcurrentHashMap.newKeySet();
    private static final Map<String, KafkaTestPublisher> PUBLISHERS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "voting");
    }

    @Autowired
    protected DevTokenIssuer tokens;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected RosterReader roster;

    @BeforeEach
    void seedRosterOnce() {
        if (!SEEDED.add(topicPrefix)) {
            return;
        }
        DecisionRef bootstrap = DecisionRef.bootstrap("import-1");
        for (String person : new String[]{"ada", "grace", "ken", "linus", "margaret", "dennis", "frances", "barbara"}) {
            publish(EventStream.REGISTRY, person, new PersonRegistered(person, person.toUpperCase(), null));
        }
        for (String core : new String[]{"ada", "grace", "ken", "linus", "margaret"}) {
            publish(EventStream.REGISTRY, "core", new MaintainerAppointed(core, Role.CORE_MAINTAINER, null, bootstrap));
        }
        publish(EventStream.REGISTRY, "core", new MaintainerAppointed("ada", Role.LEAD, null, bootstrap));
        publish(EventStream.REGISTRY, "nn", new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn",
                null, DecisionRule.majority(), NominationProcess.OWN_GROUP, 365, bootstrap));
        publish(EventStream.REGISTRY, "fn", new ModuleAdded("fn", "Functional", ModuleKind.DIRECTORY,
                "torch/nn/functional", null, new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75, ThresholdBase.SEATED,
                null), NominationProcess.OWN_GROUP, 180, bootstrap));
        for (String[] seat : new String[][]{{"dennis", "nn"}, {"frances", "nn"}, {"barbara", "fn"}, {"frances", "fn"}}) {
            publish(EventStream.REGISTRY, seat[1], new MaintainerAppointed(seat[0], Role.MODULE_MAINTAINER, seat[1],
                    bootstrap));
        }
        publish(EventStream.REGISTRY, "linus", new ConflictOfInterestDeclared("linus", "conflict-1", "margaret",
                ConflictKind.ROMANTIC, "partners"));
        await().atMost(Duration.ofSeconds(60)).until(() -> roster.lead().isPresent()
                && roster.coreMaintainers().size() == 5 && roster.modules().size() == 2
                && roster.moduleMaintainers("nn").size() == 2 && roster.moduleMaintainers("fn").size() == 2
                && roster.conflictedWith("margaret").equals(List.of("linus"))
                && roster.standing("barbara").registered());
    }

    protected int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    /** Publishes a public event of another stream as its service would: a binary-mode CloudEvent; returns its id. */
    protected String publish(EventStream stream, String key, PublicEvent payload) {
        return publishAs(stream.publisher(), stream, key, payload);
    }

    /**
     * Publishes a public event on a stream's topic with the CloudEvents source of {@code service}: a forgery when it is
     * not the stream's publisher. Returns its id.
     */
    protected String publishAs(String service, EventStream stream, String key, PublicEvent payload) {
        KafkaTestPublisher publisher = PUBLISHERS.computeIfAbsent(service, s -> new KafkaTestPublisher(
                TestInfrastructure.kafkaBootstrapServers(), s));
        try {
            return publisher.publish(topicPrefix + stream.topic(), key, EventCatalog.instance().typeOf(payload.getClass()),
                    JSON.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void closePublishers() {
        PUBLISHERS.values().forEach(KafkaTestPublisher::close);
        PUBLISHERS.clear();
    }


    /** The generated client, acting as the given person (or anonymously with null). */
    protected BallotsApi as(String personId) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri());
        if (personId != null) {
            String token = tokens.issue(personId);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new BallotsApi(client);
    }

    protected BallotsApi anonymous() {
        return as(null);
    }
}
