package dev.charter.registry;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapOperatorsTest {

    private final RegistryApplication application = new RegistryApplication();

    @Test
    @DisplayName("outside the dev profile the registry refuses to start without bootstrap operators")
    void requiredOutsideDev() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> application.bootstrapOperatorsRequired(new RegistryProperties(null, List.of()),
                production).afterPropertiesSet()).hasMessageContaining("bootstrap-operators");
        assertThatThrownBy(() -> application.bootstrapOperatorsRequired(new RegistryProperties(null, null),
                new MockEnvironment()).afterPropertiesSet()).hasMessageContaining("dev profile");
    }

    @Test
    @DisplayName("with operators listed, or under the dev profile, it starts")
    void allowedWithOperatorsOrUnderDev() {
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        assertThatCode(() -> application.bootstrapOperatorsRequired(new RegistryProperties(null, List.of()), dev)
                .afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> application.bootstrapOperatorsRequired(new RegistryProperties(null, List.of("ada")),
                new MockEnvironment()).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
