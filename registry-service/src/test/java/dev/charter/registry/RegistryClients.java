package dev.charter.registry;

import dev.charter.client.registry.ActivityApi;
import dev.charter.client.registry.BootstrapApi;
import dev.charter.client.registry.FilesApi;
import dev.charter.client.registry.ModulesApi;
import dev.charter.client.registry.PersonsApi;
import dev.charter.client.registry.RosterApi;
import dev.charter.client.registry.invoker.ApiClient;
import dev.charter.platform.security.DevTokenIssuer;

/** The generated registry client, acting as a given person (or anonymously). */
public record RegistryClients(ApiClient client) {

    public static RegistryClients as(String baseUri, DevTokenIssuer tokens, String personId) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        if (personId != null) {
            String token = tokens.issue(personId);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new RegistryClients(client);
    }

    public PersonsApi persons() {
        return new PersonsApi(client);
    }

    public ModulesApi modules() {
        return new ModulesApi(client);
    }

    public RosterApi roster() {
        return new RosterApi(client);
    }

    public FilesApi files() {
        return new FilesApi(client);
    }

    public ActivityApi activity() {
        return new ActivityApi(client);
    }

    public BootstrapApi bootstrap() {
        return new BootstrapApi(client);
    }
}
