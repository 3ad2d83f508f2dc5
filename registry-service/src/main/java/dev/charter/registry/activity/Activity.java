package dev.charter.registry.activity;

import java.time.Instant;

/**
 * One activity of a person (R14), as far as it is counted: who, in which module (null: outside any module), what,
 * when, and its reference (the URL of the pull request, review, issue, comment, commit or meeting notes).
 */
public record Activity(String personId, String moduleId, ActivityKind kind, Instant occurredAt, String url) {
}
