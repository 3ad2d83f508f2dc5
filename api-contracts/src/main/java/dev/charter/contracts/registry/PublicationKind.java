package dev.charter.contracts.registry;

/** A maintainer group's public communication (R6). */
public enum PublicationKind {
    VISION, ROADMAP, DESIGN_DOC, MEETING_NOTES, DISPUTE_RESOLUTION, OTHER
}
