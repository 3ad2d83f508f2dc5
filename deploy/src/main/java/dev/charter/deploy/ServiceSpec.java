package dev.charter.deploy;

import dev.charter.contracts.EventStream;

import java.util.Set;

/**
 * A Charter service as the local stack and the system tests start it.
 *
 * @param configName its configuration file's name (the services share one classpath)
 * @param schema     its own PostgreSQL schema (DESIGN §2: no service reads another's tables)
 * @param document   the OpenAPI document it serves
 * @param stream     the stream it publishes (its {@code charter.stream}; it is the stream's one publisher)
 * @param consumes   the streams its handlers consume: its Kafka ACLs read only these (checked against the running
 *                   service by LocalStackIT, and against its KafkaUser by KubernetesManifestsTest)
 */
public record ServiceSpec(String name, Class<?> application, String configName, String schema, String document,
                          int defaultPort, EventStream stream, Set<EventStream> consumes) {

    /** The service's port for operations (actuator): health details, metrics, parked events, dead letters. */
    public int defaultManagementPort() {
        return defaultPort + 1000;
    }
}
