package dev.charter.dispute;

import dev.charter.client.disputes.ChangeProposalsApi;
import dev.charter.client.disputes.DecisionsApi;
import dev.charter.client.disputes.DisputesApi;
import dev.charter.client.disputes.VetoesApi;
import dev.charter.client.disputes.invoker.ApiClient;
import dev.charter.platform.security.DevTokenIssuer;

/** The generated disputes client, acting as a given person (or anonymously). */
public record DisputeClients(ApiClient client) {

    public static DisputeClients as(String baseUri, DevTokenIssuer tokens, String personId) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        if (personId != null) {
            String token = tokens.issue(personId);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new DisputeClients(client);
    }

    public DecisionsApi decisions() {
        return new DecisionsApi(client);
    }

    public DisputesApi disputes() {
        return new DisputesApi(client);
    }

    public VetoesApi vetoes() {
        return new VetoesApi(client);
    }

    public ChangeProposalsApi changes() {
        return new ChangeProposalsApi(client);
    }
}
