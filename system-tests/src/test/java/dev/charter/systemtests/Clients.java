package dev.charter.systemtests;

import dev.charter.client.disputes.ChangeProposalsApi;
import dev.charter.client.disputes.DecisionsApi;
import dev.charter.client.disputes.DisputesApi;
import dev.charter.client.disputes.VetoesApi;
import dev.charter.client.audit.AuditApi;
import dev.charter.client.nominations.ElectionsApi;
import dev.charter.client.nominations.ModuleProposalsApi;
import dev.charter.client.nominations.NominationsApi;
import dev.charter.client.registry.ActivityApi;
import dev.charter.client.registry.BootstrapApi;
import dev.charter.client.registry.FilesApi;
import dev.charter.client.registry.ModulesApi;
import dev.charter.client.registry.PersonsApi;
import dev.charter.client.registry.RosterApi;
import dev.charter.client.voting.BallotsApi;
import dev.charter.deploy.Services;

import java.net.http.HttpRequest;
import java.util.function.Consumer;

/** The generated clients of every service, acting as one person (anonymous when the person is null). */
final class Clients {

    private final dev.charter.client.registry.invoker.ApiClient registry =
            new dev.charter.client.registry.invoker.ApiClient();
    private final dev.charter.client.voting.invoker.ApiClient voting =
            new dev.charter.client.voting.invoker.ApiClient();
    private final dev.charter.client.nominations.invoker.ApiClient nominations =
            new dev.charter.client.nominations.invoker.ApiClient();
    private final dev.charter.client.disputes.invoker.ApiClient disputes =
            new dev.charter.client.disputes.invoker.ApiClient();
    private final dev.charter.client.audit.invoker.ApiClient registryAudit =
            new dev.charter.client.audit.invoker.ApiClient();

    Clients(SystemUnderTest system, String personId) {
        Consumer<HttpRequest.Builder> auth = personId == null ? request -> { }
                : bearer(system.token(personId));
        registry.updateBaseUri(system.baseUri(Services.REGISTRY));
        registry.setRequestInterceptor(auth);
        voting.updateBaseUri(system.baseUri(Services.VOTING));
        voting.setRequestInterceptor(auth);
        nominations.updateBaseUri(system.baseUri(Services.NOMINATION));
        nominations.setRequestInterceptor(auth);
        disputes.updateBaseUri(system.baseUri(Services.DISPUTE));
        disputes.setRequestInterceptor(auth);
        registryAudit.updateBaseUri(system.baseUri(Services.REGISTRY));
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }

    RosterApi roster() {
        return new RosterApi(registry);
    }

    PersonsApi persons() {
        return new PersonsApi(registry);
    }

    ModulesApi modules() {
        return new ModulesApi(registry);
    }

    FilesApi files() {
        return new FilesApi(registry);
    }

    ActivityApi activity() {
        return new ActivityApi(registry);
    }

    /** The registry's audit API: the chained history of its aggregates. */
    AuditApi registryAudit() {
        return new AuditApi(registryAudit);
    }

    BootstrapApi bootstrap() {
        return new BootstrapApi(registry);
    }

    BallotsApi ballots() {
        return new BallotsApi(voting);
    }

    NominationsApi nominations() {
        return new NominationsApi(nominations);
    }

    ElectionsApi elections() {
        return new ElectionsApi(nominations);
    }

    ModuleProposalsApi moduleProposals() {
        return new ModuleProposalsApi(nominations);
    }

    DecisionsApi decisions() {
        return new DecisionsApi(disputes);
    }

    DisputesApi disputes() {
        return new DisputesApi(disputes);
    }

    VetoesApi vetoes() {
        return new VetoesApi(disputes);
    }

    ChangeProposalsApi changes() {
        return new ChangeProposalsApi(disputes);
    }
}
