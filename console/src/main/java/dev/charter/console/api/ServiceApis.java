package dev.charter.console.api;

import dev.charter.client.audit.AuditApi;
import dev.charter.client.disputes.ChangeProposalsApi;
import dev.charter.client.disputes.DisputesApi;
import dev.charter.client.disputes.VetoesApi;
import dev.charter.client.nominations.ElectionsApi;
import dev.charter.client.nominations.ModuleProposalsApi;
import dev.charter.client.nominations.NominationsApi;
import dev.charter.client.nominations.ReviewCyclesApi;
import dev.charter.client.registry.ActivityApi;
import dev.charter.client.registry.FilesApi;
import dev.charter.client.registry.ModulesApi;
import dev.charter.client.registry.PersonsApi;
import dev.charter.client.registry.RosterApi;
import dev.charter.client.voting.BallotsApi;
import dev.charter.console.ConsoleProperties;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The generated clients of the services' public APIs, one instance each, for the four services (each holds its own HTTP client). A
 * signed-in person's bearer token goes with each write as a header of that call only ({@link #bearer}).
 */
@Component
public class ServiceApis {

    /** A service whose audit API the console shows. */
    public record Audited(String name, String label, URI baseUri, AuditApi audit) {
    }

    public static final String REGISTRY = "registry";
    public static final String VOTING = "voting";
    public static final String NOMINATIONS = "nominations";
    public static final String DISPUTES = "disputes";

    private final RosterApi roster;
    private final PersonsApi persons;
    private final ModulesApi modules;
    private final FilesApi files;
    private final ActivityApi activity;
    private final BallotsApi ballots;
    private final NominationsApi nominations;
    private final ElectionsApi elections;
    private final ReviewCyclesApi reviewCycles;
    private final ModuleProposalsApi moduleProposals;
    private final DisputesApi disputes;
    private final VetoesApi vetoes;
    private final ChangeProposalsApi changeProposals;
    private final List<Audited> audited;
    private final AuditorTargets auditorTargets;

    public ServiceApis(ConsoleProperties properties) {
        Duration timeout = properties.timeout();
        var registry = new dev.charter.client.registry.invoker.ApiClient(http(timeout),
                dev.charter.client.registry.invoker.ApiClient.createDefaultObjectMapper(), base(properties.registry()));
        registry.setReadTimeout(timeout);
        var voting = new dev.charter.client.voting.invoker.ApiClient(http(timeout),
                dev.charter.client.voting.invoker.ApiClient.createDefaultObjectMapper(), base(properties.voting()));
        voting.setReadTimeout(timeout);
        var nomination = new dev.charter.client.nominations.invoker.ApiClient(http(timeout),
                dev.charter.client.nominations.invoker.ApiClient.createDefaultObjectMapper(), base(properties.nominations()));
        nomination.setReadTimeout(timeout);
        var dispute = new dev.charter.client.disputes.invoker.ApiClient(http(timeout),
                dev.charter.client.disputes.invoker.ApiClient.createDefaultObjectMapper(), base(properties.disputes()));
        dispute.setReadTimeout(timeout);
        this.roster = new RosterApi(registry);
        this.persons = new PersonsApi(registry);
        this.modules = new ModulesApi(registry);
        this.files = new FilesApi(registry);
        this.activity = new ActivityApi(registry);
        this.ballots = new BallotsApi(voting);
        this.nominations = new NominationsApi(nomination);
        this.elections = new ElectionsApi(nomination);
        this.reviewCycles = new ReviewCyclesApi(nomination);
        this.moduleProposals = new ModuleProposalsApi(nomination);
        this.disputes = new DisputesApi(dispute);
        this.vetoes = new VetoesApi(dispute);
        this.changeProposals = new ChangeProposalsApi(dispute);
        this.auditorTargets = new AuditorTargets(properties.registry(), properties.voting(), properties.nominations(),
                properties.disputes());
        this.audited = List.of(
                audited(REGISTRY, "Registry", properties.registry(), timeout),
                audited(VOTING, "Voting", properties.voting(), timeout),
                audited(NOMINATIONS, "Nominations", properties.nominations(), timeout),
                audited(DISPUTES, "Disputes", properties.disputes(), timeout));
    }

    /** The header of a call made as the signed-in person. */
    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public RosterApi roster() {
        return roster;
    }

    public PersonsApi persons() {
        return persons;
    }

    public ModulesApi modules() {
        return modules;
    }

    public FilesApi files() {
        return files;
    }

    /** R14: what maintainers did, per module. */
    public ActivityApi activity() {
        return activity;
    }

    /** R15: proposals to add, re-scope or retire a module. */
    public ModuleProposalsApi moduleProposals() {
        return moduleProposals;
    }

    public BallotsApi ballots() {
        return ballots;
    }

    public NominationsApi nominations() {
        return nominations;
    }

    public ElectionsApi elections() {
        return elections;
    }

    public ReviewCyclesApi reviewCycles() {
        return reviewCycles;
    }

    public DisputesApi disputes() {
        return disputes;
    }

    public VetoesApi vetoes() {
        return vetoes;
    }

    public ChangeProposalsApi changeProposals() {
        return changeProposals;
    }

    /** The services' addresses, as {@code charter-audit reconcile} takes them. */
    public record AuditorTargets(URI registry, URI voting, URI nominations, URI disputes) {
    }

    public AuditorTargets auditorTargets() {
        return auditorTargets;
    }

    /** Every service with its audit API, in the order the console shows them. */
    public List<Audited> audited() {
        return audited;
    }

    private static Audited audited(String name, String label, URI baseUri, Duration timeout) {
        var client = new dev.charter.client.audit.invoker.ApiClient(http(timeout),
                dev.charter.client.audit.invoker.ApiClient.createDefaultObjectMapper(), base(baseUri));
        client.setReadTimeout(timeout);
        return new Audited(name, label, baseUri, new AuditApi(client));
    }

    private static HttpClient.Builder http(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
    }

    private static String base(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
