package dev.charter.embedded;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * spring-kafka-test's in-JVM KRaft broker ({@link EmbeddedKafkaKraftBroker}), secured as a production cluster is:
 * clients authenticate with SASL SCRAM-SHA-512 (as with Strimzi's {@code scram-sha-512} listeners) and the
 * StandardAuthorizer allows only what ACLs grant ({@code allow.everyone.if.no.acl.found=false}).
 * <p>
 * One identity is not SCRAM: the broker's own, {@value #ADMIN}, which the KRaft controller and the broker use
 * between themselves and which creates the SCRAM users and the ACLs. SCRAM credentials are kept in the
 * cluster's metadata log, which does not exist before the cluster is formatted, and the embedded broker
 * formats its storage itself with no hook for {@code kafka-storage format --add-scram}; the controller quorum
 * needs its credential at start-up, from a static JAAS file. So {@value #ADMIN} is a PLAIN user of that file (a
 * super user), and every client identity is a SCRAM-SHA-512 user created over the Admin API right after
 * start-up ({@link #user}). The JAAS file is set JVM-wide ({@code java.security.auth.login.config}) with one
 * admin password per JVM; clients always pass their own {@code sasl.jaas.config}.
 */
public final class SecuredEmbeddedKafka implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    private static final String ADMIN_PASSWORD = randomSecret();
    private static boolean jaasConfigured;

    private final EmbeddedKafkaKraftBroker broker;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    private SecuredEmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a one-node broker.
     *
     * @param brokerListProperty the system property the test kit writes the bootstrap address to (it must not be
     *                           {@code spring.kafka.bootstrap-servers}, which would override every application
     *                           of the JVM)
     * @param brokerProperties   more broker settings (e.g. {@code num.partitions}, {@code advertised.listeners})
     */
    public static SecuredEmbeddedKafka start(String brokerListProperty, Map<String, String> brokerProperties) {
        configureJaas();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerListProperty(brokerListProperty);
        Map<String, String> settings = new LinkedHashMap<>();
        // the test kit names its listeners EXTERNAL (clients, between brokers) and CONTROLLER (the KRaft quorum)
        settings.put("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        settings.put("sasl.enabled.mechanisms", "PLAIN," + SCRAM_MECHANISM);
        settings.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        settings.put("sasl.mechanism.controller.protocol", "PLAIN");
        settings.put("listener.name.external.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("allow.everyone.if.no.acl.found", "false");
        settings.put("super.users", "User:" + ADMIN);
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.putAll(brokerProperties);
        broker.brokerProperties(settings);
        broker.afterPropertiesSet();
        return new SecuredEmbeddedKafka(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Client settings of the broker's own super user (PLAIN): for the admin work of tests and the local stack. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> properties = new HashMap<>(sasl("PLAIN",
                "org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN, ADMIN_PASSWORD));
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /**
     * Client settings of a SCRAM-SHA-512 user, created on first use with a random password. The user may do
     * nothing until ACLs grant it something.
     */
    public Map<String, Object> user(String name) {
        String password = passwords.computeIfAbsent(name, this::createUser);
        Map<String, Object> properties = new HashMap<>(scram(name, password));
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /**
     * Creates ACLs with a super user's client settings and returns once the broker's authorizer has them (they are
     * written to the controller first, then propagate).
     */
    public static void grant(Map<String, Object> superUserClient, Collection<AclBinding> acls) {
        try (Admin admin = Admin.create(superUserClient)) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The broker did not apply the ACLs within 30 s: " + acls);
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the ACLs " + acls, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A SCRAM user of this broker that may do what the ACLs allow (and nothing else): its client settings. */
    public Map<String, Object> user(String name, Collection<AclBinding> acls) {
        Map<String, Object> client = user(name);
        grant(adminProperties(), acls);
        return client;
    }

    /** The SASL client settings of a SCRAM-SHA-512 user over plaintext (no bootstrap address). */
    public static Map<String, Object> scram(String user, String password) {
        return sasl(SCRAM_MECHANISM, "org.apache.kafka.common.security.scram.ScramLoginModule", user, password);
    }

    /**
     * Kafka client settings as Spring Boot properties ({@code spring.kafka.*}): the bootstrap address, the
     * security protocol and {@code spring.kafka.properties.sasl.*}.
     */
    public static Map<String, String> springProperties(Map<String, Object> client) {
        Map<String, String> properties = new LinkedHashMap<>();
        client.forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                properties.put("spring.kafka.bootstrap-servers", String.valueOf(value));
            } else if (key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)) {
                properties.put("spring.kafka.security.protocol", String.valueOf(value));
            } else {
                properties.put("spring.kafka.properties." + key, String.valueOf(value));
            }
        });
        return properties;
    }

    /**
     * The Spring settings of a Charter service connecting as {@code user} (its client settings), which creates its
     * own ACLs at start-up with the super user's settings ({@code charter.kafka.acl-provisioning.*}): the local
     * stack's and the tests' stand-in for the service's Strimzi KafkaUser.
     */
    public static Map<String, String> serviceSettings(String user, Map<String, Object> userClient,
                                                      Map<String, Object> superUserClient) {
        Map<String, String> settings = new LinkedHashMap<>(springProperties(userClient));
        settings.put("charter.kafka.acl-provisioning.enabled", "true");
        settings.put("charter.kafka.acl-provisioning.principal", "User:" + user);
        superUserClient.forEach((key, value) -> {
            if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                settings.put("charter.kafka.acl-provisioning.admin." + key, String.valueOf(value));
            }
        });
        return settings;
    }

    /** {@link #serviceSettings} of a user of this broker. */
    public Map<String, String> serviceSettings(String user) {
        return serviceSettings(user, user(user), adminProperties());
    }

    @Override
    public void close() {
        broker.destroy();
    }

    private String createUser(String name) {
        String password = randomSecret();
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the SCRAM user " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return password;
    }

    private static Map<String, Object> sasl(String mechanism, String loginModule, String user, String password) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, mechanism,
                SaslConfigs.SASL_JAAS_CONFIG, loginModule + " required username=\"" + user + "\" password=\""
                        + password + "\";");
    }

    /** The controller quorum reads its PLAIN credential from a static JAAS file (see the class comment). */
    private static synchronized void configureJaas() {
        if (jaasConfigured) {
            return;
        }
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN + "=\"" + ADMIN_PASSWORD + "\";";
        try {
            Path file = Files.createTempFile("charter-kafka-jaas", ".conf");
            file.toFile().deleteOnExit();
            Files.writeString(file, "KafkaServer {\n  " + plain + "\n};\n", StandardCharsets.UTF_8);
            System.setProperty("java.security.auth.login.config", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jaasConfigured = true;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
