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
        assertThatThrownBy(() -> application.bootstrapOperatorsRequired(operators(List.of()),
                production).afterPropertiesSet()).hasMessageContaining("bootstrap-operators");
        assertThatThrownBy(() -> application.bootstrapOperatorsRequired(operators(null),
                new MockEnvironment()).afterPropertiesSet()).hasMessageContaining("dev profile");
    }

    @Test
    @DisplayName("with operators listed, or under the dev profile, it starts")
    void allowedWithOperatorsOrUnderDev() {
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        assertThatCode(() -> application.bootstrapOperatorsRequired(operators(List.of()), dev)
                .afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> application.bootstrapOperatorsRequired(operators(List.of("ada")),
                new MockEnvironment()).afterPropertiesSet()).doesNotThrowAnyException();
    }

    /** The settings with only the bootstrap operators given (the lifecycle settings at their defaults). */
    private static RegistryProperties operators(List<String> operators) {
        return new RegistryProperties(null, operators, null, null, null, null);
    }
}
