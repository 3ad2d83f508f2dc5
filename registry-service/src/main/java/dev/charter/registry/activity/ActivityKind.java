package dev.charter.registry.activity;

/**
 * What a maintainer did (R14): from GitHub — pull requests opened or merged, reviews submitted, issues opened or
 * labeled, comments created, pushes — or reported by another system (a meeting, anything else).
 */
public enum ActivityKind {
    PULL_REQUEST_OPENED, PULL_REQUEST_MERGED, REVIEW_SUBMITTED, ISSUE_OPENED, ISSUE_LABELED, COMMENT_CREATED, PUSH,
    MEETING, OTHER
}
