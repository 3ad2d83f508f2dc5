package dev.charter.deploy;

/**
 * A Charter service as the local stack and the system tests start it.
 *
 * @param configName its configuration file's name (the services share one classpath)
 * @param schema     its own PostgreSQL schema (DESIGN §2: no service reads another's tables)
 * @param document   the OpenAPI document it serves
 */
public record ServiceSpec(String name, Class<?> application, String configName, String schema, String document,
                          int defaultPort) {
}
