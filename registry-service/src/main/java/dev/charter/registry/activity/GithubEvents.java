package dev.charter.registry.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.platform.security.PersonIds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The activities a GitHub webhook delivery records (R14), read from the payload GitHub documents for each event:
 * {@code pull_request} opened or merged (closed with {@code merged}), {@code pull_request_review} submitted,
 * {@code issues} opened or labeled, {@code issue_comment} created, and {@code push} (with commits). The person is
 * the {@code sender} (who acted); the modules follow from {@link ModuleAttribution}. Any other event or action
 * records nothing.
 */
public final class GithubEvents {

    private GithubEvents() {
    }

    /** The activities of one delivery; {@code receivedAt} stands in for a time the payload lacks. */
    public static List<Activity> activities(String event, JsonNode payload, ModuleAttribution attribution,
                                            Instant receivedAt) {
        String login = text(payload.path("sender"), "login");
        String repository = text(payload.path("repository"), "full_name");
        String action = text(payload, "action");
        if (login == null || event == null) {
            return List.of();
        }
        return switch (event) {
            case "pull_request" -> {
                JsonNode pr = payload.path("pull_request");
                if ("opened".equals(action)) {
                    yield of(login, ActivityKind.PULL_REQUEST_OPENED, time(pr, "created_at", receivedAt),
                            text(pr, "html_url"), attribution.modulesOf(repository, List.of(), labels(pr)));
                }
                if ("closed".equals(action) && pr.path("merged").asBoolean(false)) {
                    yield of(login, ActivityKind.PULL_REQUEST_MERGED, time(pr, "merged_at", receivedAt),
                            text(pr, "html_url"), attribution.modulesOf(repository, List.of(), labels(pr)));
                }
                yield List.of();
            }
            case "pull_request_review" -> {
                JsonNode review = payload.path("review");
                yield "submitted".equals(action)
                        ? of(login, ActivityKind.REVIEW_SUBMITTED, time(review, "submitted_at", receivedAt),
                        text(review, "html_url"), attribution.modulesOf(repository, List.of(),
                                labels(payload.path("pull_request"))))
                        : List.of();
            }
            case "issues" -> {
                JsonNode issue = payload.path("issue");
                if ("opened".equals(action)) {
                    yield of(login, ActivityKind.ISSUE_OPENED, time(issue, "created_at", receivedAt),
                            text(issue, "html_url"), attribution.modulesOf(repository, List.of(), labels(issue)));
                }
                if ("labeled".equals(action)) {
                    String label = text(payload.path("label"), "name");
                    yield of(login, ActivityKind.ISSUE_LABELED, time(issue, "updated_at", receivedAt),
                            text(issue, "html_url") + "#labeled:" + label,
                            attribution.modulesOf(repository, List.of(), labels(issue)));
                }
                yield List.of();
            }
            case "issue_comment" -> {
                JsonNode comment = payload.path("comment");
                yield "created".equals(action)
                        ? of(login, ActivityKind.COMMENT_CREATED, time(comment, "created_at", receivedAt),
                        text(comment, "html_url"), attribution.modulesOf(repository, List.of(),
                                labels(payload.path("issue"))))
                        : List.of();
            }
            case "push" -> {
                JsonNode commits = payload.path("commits");
                if (!commits.isArray() || commits.isEmpty()) {
                    yield List.of(); // a deleted branch, or a push without commits
                }
                Set<String> paths = new LinkedHashSet<>();
                for (JsonNode commit : commits) {
                    for (String field : List.of("added", "removed", "modified")) {
                        commit.path(field).forEach(path -> paths.add(path.asText()));
                    }
                }
                JsonNode head = payload.path("head_commit");
                String url = text(payload, "compare") != null ? text(payload, "compare") : text(head, "url");
                yield of(login, ActivityKind.PUSH, time(head, "timestamp", receivedAt), url,
                        attribution.modulesOf(repository, paths, List.of()));
            }
            default -> List.of();
        };
    }

    private static List<Activity> of(String login, ActivityKind kind, Instant at, String url, Set<String> modules) {
        if (url == null) {
            return List.of();
        }
        String person = PersonIds.canonical(login);
        List<Activity> result = new ArrayList<>();
        if (modules.isEmpty()) {
            result.add(new Activity(person, null, kind, at, url));
        }
        modules.forEach(module -> result.add(new Activity(person, module, kind, at, url)));
        return result;
    }

    private static List<String> labels(JsonNode item) {
        List<String> names = new ArrayList<>();
        item.path("labels").forEach(label -> {
            if (label.hasNonNull("name")) {
                names.add(label.get("name").asText());
            }
        });
        return names;
    }

    private static Instant time(JsonNode node, String field, Instant fallback) {
        String value = text(node, field);
        if (value == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
