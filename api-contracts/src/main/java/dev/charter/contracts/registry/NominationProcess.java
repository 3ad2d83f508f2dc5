package dev.charter.contracts.registry;

/** How a module's maintainers are nominated (R9): by the group itself, or by request to the core maintainers. */
public enum NominationProcess {
    OWN_GROUP, CORE_MAINTAINERS
}
