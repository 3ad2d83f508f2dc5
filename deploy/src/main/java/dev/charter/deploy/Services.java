package dev.charter.deploy;

import dev.charter.registry.RegistryApplication;

import java.util.List;

/** Every service of the system, in start-up order (the registry first: the others copy its roster). */
public final class Services {

    public static final ServiceSpec REGISTRY =
            new ServiceSpec("registry", RegistryApplication.class, "registry", "registry.yaml", 8081);

    public static final List<ServiceSpec> ALL = List.of(REGISTRY);

    private Services() {
    }
}
