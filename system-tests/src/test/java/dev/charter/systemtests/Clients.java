package dev.charter.systemtests;

import dev.charter.client.registry.BootstrapApi;
import dev.charter.client.registry.FilesApi;
import dev.charter.client.registry.PersonsApi;
import dev.charter.client.registry.RosterApi;
import dev.charter.deploy.Services;

/** The generated clients of every service, acting as one person (or anonymously when null). */
final class Clients {

    private final dev.charter.client.registry.invoker.ApiClient registry;

    Clients(SystemUnderTest system, String personId) {
        registry = new dev.charter.client.registry.invoker.ApiClient();
        registry.updateBaseUri(system.baseUri(Services.REGISTRY));
        if (personId != null) {
            String token = system.token(personId);
            registry.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
    }

    RosterApi roster() {
        return new RosterApi(registry);
    }

    PersonsApi persons() {
        return new PersonsApi(registry);
    }

    FilesApi files() {
        return new FilesApi(registry);
    }

    BootstrapApi bootstrap() {
        return new BootstrapApi(registry);
    }
}
