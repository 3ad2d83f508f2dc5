package dev.charter.deploy;

import dev.charter.dispute.DisputeApplication;
import dev.charter.nomination.NominationApplication;
import dev.charter.registry.RegistryApplication;
import dev.charter.voting.VotingApplication;

import java.util.List;

/** Every service of the system, in start-up order (the registry first: the others copy its roster). */
public final class Services {

    public static final ServiceSpec REGISTRY = new ServiceSpec("registry", RegistryApplication.class,
            RegistryApplication.CONFIG_NAME, "registry", "registry.yaml", 8081);
    public static final ServiceSpec VOTING = new ServiceSpec("voting", VotingApplication.class,
            VotingApplication.CONFIG_NAME, "voting", "voting.yaml", 8082);

    public static final ServiceSpec NOMINATION = new ServiceSpec("nomination", NominationApplication.class,
            NominationApplication.CONFIG_NAME, "nomination", "nominations.yaml", 8083);

    public static final ServiceSpec DISPUTE = new ServiceSpec("dispute", DisputeApplication.class,
            DisputeApplication.CONFIG_NAME, "dispute", "disputes.yaml", 8084);

    public static final List<ServiceSpec> ALL = List.of(REGISTRY, VOTING, NOMINATION, DISPUTE);

    private Services() {
    }
}
