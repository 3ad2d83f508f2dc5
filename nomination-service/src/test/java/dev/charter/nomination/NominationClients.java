package dev.charter.nomination;

import dev.charter.client.nominations.ElectionsApi;
import dev.charter.client.nominations.ModuleProposalsApi;
import dev.charter.client.nominations.NominationsApi;
import dev.charter.client.nominations.ReviewCyclesApi;
import dev.charter.client.nominations.invoker.ApiClient;
import dev.charter.platform.security.DevTokenIssuer;

/** The generated nominations client, acting as a given person (or anonymously). */
public record NominationClients(ApiClient client) {

    public static NominationClients as(String baseUri, DevTokenIssuer tokens, String personId) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        if (personId != null) {
            String token = tokens.issue(personId);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new NominationClients(client);
    }

    public NominationsApi nominations() {
        return new NominationsApi(client);
    }

    public ElectionsApi elections() {
        return new ElectionsApi(client);
    }

    public ModuleProposalsApi moduleProposals() {
        return new ModuleProposalsApi(client);
    }

    public ReviewCyclesApi reviewCycles() {
        return new ReviewCyclesApi(client);
    }
}
