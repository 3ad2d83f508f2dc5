package dev.charter.auditor.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.auditor.chain.ChainVerifier;
import dev.charter.auditor.decisions.Governance;
import dev.charter.auditor.events.SourceException;
import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.report.Finding;
import dev.charter.auditor.report.Report;
import dev.charter.auditor.roster.Roster;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.voting.VotingEvent;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code reconcile}: the state rebuilt from the streams beside what the live services answer — the roster, every
 * ballot's status and outcome, every nomination's status, and each service's chain head — listing every difference.
 * Reads the public APIs only (no token).
 */
public class Reconciler {

    public static final String CHECK = "reconcile";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> urls;
    private final List<Finding> findings = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    /** @param urls base URL per stream name (registry, voting, nominations, disputes), any may be absent */
    public Reconciler(Map<String, String> urls) {
        this.urls = urls;
    }

    public void reconcile(Governance governance, Map<String, ChainVerifier.Head> heads, Report report) {
        for (Map.Entry<String, String> entry : urls.entrySet()) {
            ChainVerifier.Head head = heads.get(entry.getKey());
            JsonNode live = get(entry.getValue(), "/api/v1/audit/head");
            long length = live.path("length").asLong();
            String hash = live.path("hash").asText();
            long mine = head == null ? 0 : head.length();
            String mineHash = head == null ? dev.charter.auditor.chain.Canonical.GENESIS : head.hash();
            boolean same = length == mine && hash.equals(mineHash);
            rows.add(List.of(entry.getKey() + " chain head", mine + " " + abbreviate(mineHash),
                    length + " " + abbreviate(hash), same ? "same" : "DIFFERENT"));
            if (!same) {
                add(entry.getKey(), "HEAD_DIFFERS", null, "the " + entry.getKey() + " service's chain head is #" + length
                        + " " + hash + "; the streams give #" + mine + " " + mineHash);
            }
        }
        if (urls.containsKey(EventStream.REGISTRY.streamName())) {
            roster(governance.roster().latest());
        }
        if (urls.containsKey(EventStream.VOTING.streamName())) {
            ballots(governance);
        }
        if (urls.containsKey(EventStream.NOMINATIONS.streamName())) {
            nominations(governance);
        }
        report.addAll(findings);
        report.section("reconcile", new Report.Section("Rebuilt state beside the live services",
                List.of("what", "from the streams", "live", "result"), rows));
    }

    private void roster(Roster roster) {
        String registry = EventStream.REGISTRY.streamName();
        JsonNode live = get(urls.get(registry), "/api/v1/roster");
        compare(registry, "lead", roster.lead() == null ? "" : roster.lead(),
                live.path("lead").path("personId").asText(""));
        compare(registry, "core maintainers", set(roster.coreMaintainers()), ids(live.path("coreMaintainers")));
        compare(registry, "core emeritus", set(roster.coreEmeritus()), ids(live.path("coreEmeritus")));
        Map<String, JsonNode> liveModules = new TreeMap<>();
        live.path("modules").forEach(m -> liveModules.put(m.path("id").asText(), m));
        Set<String> mineModules = new TreeSet<>();
        roster.activeModules().forEach(m -> mineModules.add(m.id()));
        compare(registry, "modules", mineModules, liveModules.keySet());
        for (String module : mineModules) {
            JsonNode liveModule = liveModules.get(module);
            if (liveModule != null) {
                compare(registry, "maintainers of " + module, set(roster.maintainers(module)),
                        ids(liveModule.path("maintainers")));
                compare(registry, "emeritus of " + module, set(roster.moduleEmeritus(module)),
                        ids(liveModule.path("emeritus")));
            }
        }
    }

    private void ballots(Governance governance) {
        String voting = EventStream.VOTING.streamName();
        Map<String, String> mine = new TreeMap<>();
        for (Decoded decoded : governance.events(EventStream.VOTING)) {
            if (decoded.event() instanceof VotingEvent.BallotOpened e) {
                mine.put(e.ballotId(), "OPEN");
            } else if (decoded.event() instanceof VotingEvent.BallotReferredToLead e) {
                mine.put(e.ballotId(), "AWAITING_LEAD");
            } else if (decoded.event() instanceof VotingEvent.BallotClosed e) {
                mine.put(e.ballotId(), "CLOSED " + e.outcome());
            } else if (decoded.event() instanceof VotingEvent.BallotCancelled e) {
                mine.put(e.ballotId(), "CANCELLED");
            }
        }
        Map<String, String> live = pages(urls.get(voting), "/api/v1/ballots", item -> item.path("status").asText()
                + (item.hasNonNull("outcome") && "CLOSED".equals(item.path("status").asText())
                ? " " + item.path("outcome").asText() : ""));
        states(voting, "ballots", mine, live);
    }

    private void nominations(Governance governance) {
        String stream = EventStream.NOMINATIONS.streamName();
        Map<String, String> mine = new TreeMap<>();
        for (Decoded decoded : governance.events(EventStream.NOMINATIONS)) {
            if (decoded.event() instanceof NominationEvent.NominationSubmitted e) {
                mine.put(e.nominationId(), "IN_REVIEW");
            } else if (decoded.event() instanceof NominationEvent.NominationScheduledForReview e) {
                mine.put(e.nominationId(), "SCHEDULED");
            } else if (decoded.event() instanceof NominationEvent.NominationReviewRequested e) {
                mine.put(e.nominationId(), "IN_REVIEW");
            } else if (decoded.event() instanceof NominationEvent.NominationAwaitingReasoning e) {
                mine.put(e.nominationId(), "AWAITING_REASONING");
            } else if (decoded.event() instanceof NominationEvent.NominationConfirmed e) {
                mine.put(e.nominationId(), "CONFIRMED");
            } else if (decoded.event() instanceof NominationEvent.NominationDeclined e) {
                mine.put(e.nominationId(), "DECLINED");
            } else if (decoded.event() instanceof NominationEvent.NominationWithdrawn e) {
                mine.put(e.nominationId(), "WITHDRAWN");
            }
        }
        Map<String, String> live = pages(urls.get(stream), "/api/v1/nominations", item -> item.path("status").asText());
        states(stream, "nominations", mine, live);
    }

    private void states(String stream, String what, Map<String, String> mine, Map<String, String> live) {
        int differences = 0;
        Set<String> ids = new TreeSet<>(mine.keySet());
        ids.addAll(live.keySet());
        for (String id : ids) {
            String a = mine.get(id);
            String b = live.get(id);
            if (!Objects.equals(a, b)) {
                differences++;
                add(stream, "STATE_DIFFERS", id, what + ": " + id + " is " + (a == null ? "absent" : a)
                        + " in the streams, " + (b == null ? "absent" : b) + " in the live service");
            }
        }
        rows.add(List.of(what, mine.size(), live.size(), differences == 0 ? "same" : differences + " DIFFERENT"));
    }

    private void compare(String stream, String what, Object mine, Object live) {
        boolean same = Objects.equals(mine, live);
        rows.add(List.of(what, String.valueOf(mine), String.valueOf(live), same ? "same" : "DIFFERENT"));
        if (!same) {
            add(stream, "STATE_DIFFERS", what, what + ": " + mine + " in the streams, " + live + " in the live service");
        }
    }

    private Map<String, String> pages(String base, String path, Function<JsonNode, String> state) {
        Map<String, String> states = new LinkedHashMap<>();
        String after = null;
        do {
            JsonNode page = get(base, path + "?limit=100" + (after == null ? ""
                    : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            page.path("items").forEach(item -> states.put(item.path("id").asText(), state.apply(item)));
            after = page.hasNonNull("next") ? page.path("next").asText() : null;
        } while (after != null);
        return states;
    }

    private JsonNode get(String base, String path) {
        URI uri = URI.create(base.replaceAll("/+$", "") + path);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SourceException("GET " + uri + " answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SourceException("Cannot reach " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("Interrupted while reading " + uri);
        }
    }

    private static Set<String> set(List<String> ids) {
        return new TreeSet<>(ids);
    }

    private static Set<String> ids(JsonNode members) {
        Set<String> ids = new TreeSet<>();
        members.forEach(m -> ids.add(m.path("personId").asText()));
        return ids;
    }

    private static String abbreviate(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
    }

    private void add(String stream, String kind, String subject, String message) {
        findings.add(Finding.finding(CHECK, kind, stream, null, subject, message));
    }
}
