package dev.charter.platform.kafka;

import dev.charter.contracts.EventStream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a service may do on Kafka, derived from the streams alone (DESIGN §3: one publisher per stream): write
 * only its own stream; read the streams it consumes, as its consumer group; write (and read back, to inspect and
 * re-drive) its own dead-letter topics {@code <topic>.<service>.dlt}. Nothing else: not another stream, not
 * another service's group or dead letters. The Kubernetes {@code KafkaUser} of each service lists exactly these
 * ACLs (checked by a test); the local stack and the tests create them at start-up
 * ({@link KafkaAccessProvisioner}).
 */
public final class KafkaAccess {

    private KafkaAccess() {
    }

    /**
     * The ACLs of a service.
     *
     * @param principal   e.g. {@code User:registry}
     * @param topicPrefix the prefix of every topic and group ("" in production)
     * @param service     the service ({@code charter.service}): its group and dead-letter topics
     * @param publishes   the stream it publishes (null for none)
     * @param consumes    the streams it consumes
     */
    public static List<AclBinding> bindings(String principal, String topicPrefix, String service, EventStream publishes,
                                            Collection<EventStream> consumes) {
        List<AclBinding> bindings = new ArrayList<>();
        if (publishes != null) {
            topic(bindings, principal, topicPrefix + publishes.topic(), AclOperation.WRITE, AclOperation.DESCRIBE,
                    AclOperation.CREATE);
        }
        for (EventStream stream : consumes) {
            topic(bindings, principal, topicPrefix + stream.topic(), AclOperation.READ, AclOperation.DESCRIBE);
            topic(bindings, principal, topicPrefix + deadLetterTopic(stream.topic(), service), AclOperation.WRITE,
                    AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE);
        }
        if (!consumes.isEmpty()) {
            for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
                bindings.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, topicPrefix + group(service),
                        PatternType.LITERAL), allow(principal, operation)));
            }
        }
        return bindings;
    }

    /** The user of auditors ({@code charter-audit}): in Kubernetes a KafkaUser of this name. */
    public static final String AUDITOR = "charter-auditor";

    /**
     * The ACLs of an auditor (DESIGN §8): read every stream from the beginning, nothing else — no write, no consumer
     * group (it commits nothing), no dead letters.
     */
    public static List<AclBinding> auditorBindings(String principal, String topicPrefix) {
        List<AclBinding> bindings = new ArrayList<>();
        for (EventStream stream : EventStream.values()) {
            topic(bindings, principal, topicPrefix + stream.topic(), AclOperation.READ, AclOperation.DESCRIBE);
        }
        return bindings;
    }

    /** The consumer group of a service (without prefix). */
    public static String group(String service) {
        return "charter-" + service;
    }

    /** The dead-letter topic of a service for a topic it consumes. */
    public static String deadLetterTopic(String topic, String service) {
        return topic + "." + service + ".dlt";
    }

    private static void topic(List<AclBinding> bindings, String principal, String topic, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    allow(principal, operation)));
        }
    }

    private static AccessControlEntry allow(String principal, AclOperation operation) {
        return new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW);
    }
}
