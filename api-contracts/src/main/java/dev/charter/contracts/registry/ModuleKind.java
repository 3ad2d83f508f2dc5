package dev.charter.contracts.registry;

/** A module is a repository of the organisation or a directory of the core repository (R3). */
public enum ModuleKind {
    REPOSITORY, DIRECTORY
}
