package dev.charter.dispute.decision;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.jdbc.PageQuery;
import dev.charter.dispute.Links;
import dev.charter.dispute.policy.BallotPolicy;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.web.Problems;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;

/**
 * The module-level decisions this service knows (see {@link DecisionCopy}), and how a decision named in a request
 * is checked: it exists and was taken at module level (DESIGN §7), or it is an external decision given by its
 * https URL and the module whose group took it.
 */
@Component
public class ModuleDecisions implements BallotPolicy.Subjects {

    /** The subject kind of a motion on the voting stream. */
    public static final String MOTION_SUBJECT = "MOTION";

    /** A known decision with its position (the pagination key). */
    public record Listed(long seq, ModuleDecision decision) {
    }

    /**
     * A decision as a request names it: a known one by {@code decisionId}, or an external one by its https
     * {@code url} and the {@code moduleId} whose group took it (when, and in words, if given).
     */
    public record Named(String decisionId, String url, String moduleId, Instant decidedAt, String summary) {
    }

    private final JdbcClient jdbc;
    private final Columns json;
    private final RosterReader roster;

    public ModuleDecisions(JdbcClient jdbc, Columns json, RosterReader roster) {
        this.jdbc = jdbc;
        this.json = json;
        this.roster = roster;
    }

    /**
     * R5, R7: the decision a dispute or veto names, checked: a known module-level decision (see
     * {@link #resolve(String, String)}), or an external decision of an active module's group.
     */
    public ModuleDecision resolve(Named named, Instant now, String rule) {
        if (named == null || (Text.blankToNull(named.decisionId()) == null && Text.blankToNull(named.url()) == null)) {
            throw new GovernanceException.BadInput("decision-required", "Name the decision: its decisionId, or the "
                    + "url and moduleId of an external decision.")
                    .withViolations(List.of(Problems.violation("decision", "must name a decision")));
        }
        if (Text.blankToNull(named.decisionId()) != null) {
            if (Text.blankToNull(named.url()) != null) {
                throw new GovernanceException.BadInput("decision-ambiguous",
                        "Name a decision by its decisionId or by its url, not both.");
            }
            return resolve(named.decisionId(), rule);
        }
        String moduleId = Text.blankToNull(named.moduleId());
        if (moduleId == null) {
            throw new GovernanceException.BadInput("module-required", "An external decision names the module whose "
                    + "group took it (decision.moduleId).")
                    .withViolations(List.of(Problems.violation("decision.moduleId", "must not be blank")));
        }
        ModuleFacts module = roster.module(ModuleIds.normalize(moduleId)).orElseThrow(() ->
                new GovernanceException.NotFound("no-such-module", "No module '" + moduleId + "'."));
        if (!module.active()) {
            throw new GovernanceException.Conflict("module-retired", "R15", "Module " + module.moduleId()
                    + " is retired.");
        }
        return external(named.url(), module, named.decidedAt(), named.summary(), now);
    }

    public Optional<ModuleDecision> find(String decisionId) {
        return jdbc.sql("SELECT * FROM module_decision WHERE decision_id = ?").param(decisionId)
                .query((rs, n) -> decision(rs)).optional();
    }

    /** Known decisions, in the order they were taken, of one module or of all. */
    public List<Listed> list(String moduleId, DecisionKind kind, long afterSeq, int limit) {
        return new PageQuery("SELECT * FROM module_decision", "seq", afterSeq)
                .equal("module_id", moduleId)
                .equal("kind", kind)
                .list(jdbc, limit, (rs, n) -> new Listed(rs.getLong("seq"), decision(rs)));
    }

    /**
     * The decision a request names by its id, checked (R5, R7): 404 when nothing is known by that id, 409 while it
     * is still being decided, 422 when it was not taken by a module's group or decided nothing.
     */
    public ModuleDecision resolve(String decisionId, String rule) {
        String id = Text.blankToNull(decisionId);
        DecisionKind kind = DecisionIds.kindOf(id);
        if (kind == null) {
            throw notFound(decisionId);
        }
        Optional<ModuleDecision> known = find(id);
        if (known.isPresent()) {
            return known.get();
        }
        String localId = DecisionIds.localId(id);
        if (kind == DecisionKind.MOTION) {
            Optional<SeenBallot> ballot = jdbc.sql(
                            "SELECT body, subject_kind, status, outcome FROM voting_ballot WHERE ballot_id = ?")
                    .param(localId)
                    .query((rs, n) -> new SeenBallot(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)))
                    .optional();
            if (ballot.isPresent()) {
                throw refusal(id, localId, ballot.get(), rule);
            }
        }
        if (kind == DecisionKind.MODULE_NOMINATION) {
            Optional<String> body = jdbc.sql("SELECT body FROM nomination_body WHERE nomination_id = ?")
                    .param(localId).query(String.class).optional();
            if (body.isPresent()) {
                throw BallotBody.MODULE_MAINTAINERS.name().equals(body.get())
                        ? new GovernanceException.Conflict("decision-pending", rule, "Nomination " + localId
                        + " is not decided yet.")
                        : notModuleLevel(id, rule, "it is decided by " + body.get());
            }
        }
        throw notFound(decisionId);
    }

    /**
     * An external decision (a merged pull request, a design decision on an issue): its https URL, the module whose
     * group took it and when (the time it is first named when not given).
     */
    public static ModuleDecision external(String url, ModuleFacts module, Instant decidedAt, String summary,
                                          Instant now) {
        String link = Links.https(url, "decision.url");
        if (decidedAt != null && decidedAt.isAfter(now)) {
            throw new GovernanceException.BadInput("decision-in-future", "An external decision was taken in the "
                    + "past; 'decision.decidedAt' is in the future.");
        }
        String moduleId = module.moduleId();
        String text = Text.blankToNull(summary);
        return new ModuleDecision(DecisionIds.external(moduleId, link), DecisionKind.EXTERNAL, moduleId,
                decidedAt == null ? now : decidedAt, new DecisionRef(DecisionRef.EXTERNAL, null, null, link),
                text == null ? "External decision of module " + moduleId + "'s group: " + link : text, link, null,
                null, null, null);
    }

    /** The subject of a ballot this service requested (voting's referral to the lead names only the ballot). */
    @Override
    public Optional<BallotPolicy.Subject> of(String ballotId) {
        return jdbc.sql("SELECT subject_kind, subject_id FROM voting_ballot WHERE ballot_id = ?").param(ballotId)
                .query((rs, n) -> new BallotPolicy.Subject(rs.getString(1), rs.getString(2))).optional();
    }

    /** A ballot of the voting stream that is no module-level decision (yet). */
    private record SeenBallot(String body, String subjectKind, String status, String outcome) {
    }

    private static GovernanceException refusal(String decisionId, String ballotId, SeenBallot ballot, String rule) {
        if (!BallotBody.MODULE_MAINTAINERS.name().equals(ballot.body())
                || !MOTION_SUBJECT.equals(ballot.subjectKind())) {
            return notModuleLevel(decisionId, rule, "ballot " + ballotId + " is a ballot of " + ballot.body()
                    + " on a " + ballot.subjectKind());
        }
        if ("OPEN".equals(ballot.status())) {
            return new GovernanceException.Conflict("decision-pending", rule, "Ballot " + ballotId
                    + " is still open: there is no decision yet.");
        }
        return new GovernanceException.RuleViolation("no-decision-taken", rule, "Ballot " + ballotId + " ended "
                + ballot.status() + (ballot.outcome() == null ? "" : " " + ballot.outcome())
                + ": the group decided nothing.");
    }

    private ModuleDecision decision(ResultSet rs) throws SQLException {
        return new ModuleDecision(rs.getString("decision_id"), DecisionKind.valueOf(rs.getString("kind")),
                rs.getString("module_id"), instant(rs, "decided_at"), new DecisionRef(rs.getString("source"),
                rs.getString("event_type"), rs.getString("event_id"), rs.getString("reference")),
                rs.getString("summary"), rs.getString("url"), rs.getString("person_id"), rs.getString("outcome"),
                json.read(rs.getString("settings_before"), ModuleSettings.class),
                json.read(rs.getString("settings_after"), ModuleSettings.class));
    }

    private static GovernanceException notFound(String decisionId) {
        return new GovernanceException.NotFound("no-such-decision", "No module-level decision '" + decisionId
                + "' is known; name an external decision by its URL and module instead.");
    }

    private static GovernanceException notModuleLevel(String decisionId, String rule, String why) {
        return new GovernanceException.RuleViolation("not-a-module-level-decision", rule, "Decision " + decisionId
                + " was not taken by a module's group: " + why + ".");
    }
}
