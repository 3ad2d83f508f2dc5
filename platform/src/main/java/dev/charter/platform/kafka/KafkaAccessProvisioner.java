package dev.charter.platform.kafka;

import dev.charter.contracts.EventStream;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.consume.InboundEventDispatcher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Local stack and tests only ({@code charter.kafka.acl-provisioning.enabled}): before the publisher and the
 * consumers start, creates the service's own ACLs ({@link KafkaAccess}, from its stream and the streams its
 * handlers consume) and those streams' topics, as a super user. In production Strimzi does both from the
 * manifests.
 */
public class KafkaAccessProvisioner implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KafkaAccessProvisioner.class);

    private final Map<String, Object> adminConfig;
    private final CharterProperties properties;
    private final InboundEventDispatcher dispatcher;

    public KafkaAccessProvisioner(Map<String, Object> serviceAdminConfig, CharterProperties properties,
                                  InboundEventDispatcher dispatcher) {
        this.adminConfig = new HashMap<>(serviceAdminConfig);
        this.adminConfig.putAll(properties.getKafka().getAclProvisioning().getAdmin());
        this.properties = properties;
        this.dispatcher = dispatcher;
    }

    /** The ACLs this service needs. */
    public List<AclBinding> bindings() {
        CharterProperties.AclProvisioning settings = properties.getKafka().getAclProvisioning();
        String principal = settings.getPrincipal() != null ? settings.getPrincipal() : "User:" + properties.getService();
        EventStream publishes = properties.getStream() == null ? null : EventStream.byName(properties.getStream());
        Set<EventStream> consumes = dispatcher.consumedStreams();
        return KafkaAccess.bindings(principal, properties.getKafka().getTopicPrefix(), properties.getService(),
                publishes, consumes);
    }

    /** The controller has the ACLs; wait until the broker's authorizer has them too (metadata propagation). */
    private static void awaitOnBroker(Admin admin, List<AclBinding> bindings) throws ExecutionException,
            InterruptedException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            java.util.Collection<AclBinding> present = admin.describeAcls(
                    org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
            if (present.containsAll(bindings) || System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<AclBinding> bindings = bindings();
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
            awaitOnBroker(admin, bindings);
            // the streams exist before their consumers subscribe (a consumer may not create a topic), as in production
            java.util.Set<EventStream> streams = new java.util.LinkedHashSet<>(dispatcher.consumedStreams());
            if (properties.getStream() != null) {
                streams.add(EventStream.byName(properties.getStream()));
            }
            for (EventStream stream : streams) {
                try {
                    admin.createTopics(List.of(new NewTopic(properties.getKafka().topic(stream.topic()),
                            properties.getKafka().getPartitions(), properties.getKafka().getReplicas())))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            log.info("Created {} Kafka ACLs for {} (local provisioning)", bindings.size(),
                    bindings.isEmpty() ? "-" : bindings.get(0).entry().principal());
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not create the Kafka ACLs of " + properties.getService(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
