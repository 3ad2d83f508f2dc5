package dev.charter.deploy;

import dev.charter.contracts.EventStream;
import dev.charter.dispute.DisputeApplication;
import dev.charter.nomination.NominationApplication;
import dev.charter.registry.RegistryApplication;
import dev.charter.voting.VotingApplication;

import java.util.List;
import java.util.Set;

/** Every service of the system, in start-up order (the registry first: the others copy its roster). */
public final class Services {

    public static final ServiceSpec REGISTRY = new ServiceSpec("registry", RegistryApplication.class,
            RegistryApplication.CONFIG_NAME, "registry", "registry.yaml", 8081, EventStream.REGISTRY,
            Set.of(EventStream.VOTING, EventStream.NOMINATIONS, EventStream.DISPUTES));
    public static final ServiceSpec VOTING = new ServiceSpec("voting", VotingApplication.class,
            VotingApplication.CONFIG_NAME, "voting", "voting.yaml", 8082, EventStream.VOTING,
            Set.of(EventStream.REGISTRY, EventStream.NOMINATIONS, EventStream.DISPUTES));

    public static final ServiceSpec NOMINATION = new ServiceSpec("nomination", NominationApplication.class,
            NominationApplication.CONFIG_NAME, "nomination", "nominations.yaml", 8083, EventStream.NOMINATIONS,
            Set.of(EventStream.REGISTRY, EventStream.VOTING));

    public static final ServiceSpec DISPUTE = new ServiceSpec("dispute", DisputeApplication.class,
            DisputeApplication.CONFIG_NAME, "dispute", "disputes.yaml", 8084, EventStream.DISPUTES,
            Set.of(EventStream.REGISTRY, EventStream.VOTING, EventStream.NOMINATIONS));

    public static final List<ServiceSpec> ALL = List.of(REGISTRY, VOTING, NOMINATION, DISPUTE);

    private Services() {
    }
}
