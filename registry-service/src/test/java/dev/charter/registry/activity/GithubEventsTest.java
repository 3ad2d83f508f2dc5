package dev.charter.registry.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.registry.ModuleKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R14: what GitHub's webhook payloads record (samples in the shape GitHub documents them, in
 * {@code src/test/resources/github}), and to which modules.
 */
class GithubEventsTest {

    static final ModuleAttribution ATTRIBUTION = new ModuleAttribution("example-org/core", List.of(
            new ModuleAttribution.Target("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn"),
            new ModuleAttribution.Target("nn-functional", "Functional", ModuleKind.DIRECTORY, "torch/nn/functional"),
            new ModuleAttribution.Target("vision", "Vision", ModuleKind.REPOSITORY, "example-org/vision")));
    private static final Instant RECEIVED = Instant.parse("2026-03-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode payload(String name) throws IOException {
        return JSON.readTree(new ClassPathResource("github/" + name + ".json").getInputStream());
    }

    @Test
    @DisplayName("R14: a pull request opened in the core repository counts for the module its 'module: <name>' label names, for its sender (a handle, lower-cased)")
    void pullRequestOpened() throws Exception {
        assertThat(GithubEvents.activities("pull_request", payload("pull_request.opened"), ATTRIBUTION, RECEIVED))
                .containsExactly(new Activity("dennis", "nn", ActivityKind.PULL_REQUEST_OPENED,
                        Instant.parse("2026-02-10T09:12:44Z"), "https://github.com/example-org/core/pull/1287"));
    }

    @Test
    @DisplayName("R14: a merged pull request counts for the REPOSITORY module of its repository")
    void pullRequestMerged() throws Exception {
        assertThat(GithubEvents.activities("pull_request", payload("pull_request.closed-merged"), ATTRIBUTION,
                RECEIVED)).containsExactly(new Activity("barbara", "vision", ActivityKind.PULL_REQUEST_MERGED,
                Instant.parse("2026-02-11T16:30:02Z"), "https://github.com/example-org/vision/pull/42"));
    }

    @Test
    @DisplayName("R14: a submitted review counts by the pull request's labels; a comment without module labels is outside any module")
    void reviewAndComment() throws Exception {
        assertThat(GithubEvents.activities("pull_request_review", payload("pull_request_review.submitted"),
                ATTRIBUTION, RECEIVED)).singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(ActivityKind.REVIEW_SUBMITTED);
                    assertThat(a.moduleId()).isEqualTo("nn");
                    assertThat(a.personId()).isEqualTo("margaret");
                });
        assertThat(GithubEvents.activities("issue_comment", payload("issue_comment.created"), ATTRIBUTION, RECEIVED))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(ActivityKind.COMMENT_CREATED);
                    assertThat(a.moduleId()).isNull();
                });
    }

    @Test
    @DisplayName("R14: a label names a module by its name too; labeling counts once per label")
    void labeled() throws Exception {
        assertThat(GithubEvents.activities("issues", payload("issues.labeled"), ATTRIBUTION, RECEIVED))
                .containsExactly(new Activity("barbara", "nn-functional", ActivityKind.ISSUE_LABELED,
                        Instant.parse("2026-02-13T07:05:00Z"),
                        "https://github.com/example-org/core/issues/77#labeled:module: Functional"));
    }

    @Test
    @DisplayName("R14: a push counts for every DIRECTORY module holding a changed path (a nested one and its parent)")
    void push() throws Exception {
        assertThat(GithubEvents.activities("push", payload("push"), ATTRIBUTION, RECEIVED))
                .extracting(Activity::moduleId).containsExactlyInAnyOrder("nn", "nn-functional");
        assertThat(GithubEvents.activities("push", payload("push"), ATTRIBUTION, RECEIVED).get(0).occurredAt())
                .isEqualTo(Instant.parse("2026-02-15T17:20:01Z"));
    }

    @Test
    @DisplayName("R14: other events and actions record nothing (a ping, a closed pull request not merged)")
    void nothing() throws Exception {
        assertThat(GithubEvents.activities("ping", payload("ping"), ATTRIBUTION, RECEIVED)).isEmpty();
        var notMerged = (com.fasterxml.jackson.databind.node.ObjectNode) payload("pull_request.closed-merged");
        ((com.fasterxml.jackson.databind.node.ObjectNode) notMerged.get("pull_request")).put("merged", false);
        assertThat(GithubEvents.activities("pull_request", notMerged, ATTRIBUTION, RECEIVED)).isEmpty();
    }

    @Test
    @DisplayName("the signature is GitHub's: sha256= and the hex HMAC-SHA256 of the raw body; anything else is not valid")
    void signature() {
        byte[] body = "{\"zen\":\"Keep it logically awesome.\"}".getBytes();
        String signature = GithubSignature.sign("It's a Secret to Everybody", body);
        assertThat(signature).startsWith("sha256=").hasSize(71);
        assertThat(GithubSignature.valid("It's a Secret to Everybody", body, signature)).isTrue();
        assertThat(GithubSignature.valid("another secret", body, signature)).isFalse();
        assertThat(GithubSignature.valid("It's a Secret to Everybody", body, null)).isFalse();
        assertThat(GithubSignature.valid(null, body, signature)).isFalse();
        // GitHub's documented example
        assertThat(GithubSignature.sign("It's a Secret to Everybody", "Hello, World!".getBytes()))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }
}
