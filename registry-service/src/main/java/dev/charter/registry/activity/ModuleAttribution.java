package dev.charter.registry.activity;

import dev.charter.contracts.registry.ModuleKind;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which modules an activity was in (R3, R14): a REPOSITORY module by its repository; in the core repository, a
 * DIRECTORY module by the paths changed (a path in a directory counts for every module whose directory holds it)
 * and by labels {@code module: <name>} (PyTorch's convention), naming a module by id or name. Activity that fits no
 * module is outside any module (it still counts for the core maintainers).
 */
public final class ModuleAttribution {

    /** A module as far as attribution needs it. */
    public record Target(String moduleId, String name, ModuleKind kind, String location) {
    }

    private static final String LABEL_PREFIX = "module:";

    private final String coreRepository;
    private final List<Target> modules;

    public ModuleAttribution(String coreRepository, Collection<Target> modules) {
        this.coreRepository = coreRepository.toLowerCase(Locale.ROOT);
        this.modules = List.copyOf(modules);
    }

    /**
     * The modules of an activity in {@code repository} touching {@code paths} or labelled {@code labels}; empty when
     * it is outside any module.
     */
    public Set<String> modulesOf(String repository, Collection<String> paths, Collection<String> labels) {
        Set<String> result = new LinkedHashSet<>();
        if (repository == null) {
            return result;
        }
        String repo = repository.trim().toLowerCase(Locale.ROOT);
        for (Target module : modules) {
            if (module.kind() == ModuleKind.REPOSITORY && module.location().toLowerCase(Locale.ROOT).equals(repo)) {
                result.add(module.moduleId());
                return result;
            }
        }
        if (!repo.equals(coreRepository)) {
            return result;
        }
        for (String path : paths) {
            String file = path.startsWith("/") ? path.substring(1) : path;
            for (Target module : modules) {
                if (module.kind() == ModuleKind.DIRECTORY
                        && (file.equals(module.location()) || file.startsWith(module.location() + "/"))) {
                    result.add(module.moduleId());
                }
            }
        }
        for (String label : labels) {
            String text = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
            if (!text.startsWith(LABEL_PREFIX)) {
                continue;
            }
            String name = text.substring(LABEL_PREFIX.length()).trim();
            for (Target module : modules) {
                if (module.moduleId().equals(name) || module.name().toLowerCase(Locale.ROOT).equals(name)) {
                    result.add(module.moduleId());
                }
            }
        }
        return result;
    }
}
