package dev.charter.registry.person;

import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory of registered persons the aggregates consult (a real PostgreSQL). */
class PersonDirectoryTest {

    @Test
    @DisplayName("R2: a registered person is known with their name, once; a reset forgets everyone")
    void registered() {
        PersonDirectory directory = new PersonDirectory(JdbcClient.create(TestInfrastructure.migratedDatabase(
                "registry", "classpath:db/migration/registry")));
        assertThat(directory.isRegistered("ada")).isFalse();
        directory.on(new PersonRegistered("ada", "Ada", null));
        directory.on(new PersonRegistered("ada", "Ada", null));
        assertThat(directory.isRegistered("ada")).isTrue();
        assertThat(directory.displayName("ada")).contains("Ada");
        directory.reset();
        assertThat(directory.isRegistered("ada")).isFalse();
    }
}
