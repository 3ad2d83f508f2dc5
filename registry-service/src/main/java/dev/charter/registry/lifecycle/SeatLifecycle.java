package dev.charter.registry.lifecycle;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.registry.EmeritusReason;
import dev.charter.contracts.registry.NoticeWithdrawal;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeIssued;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementDeclined;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementRequested;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementWithdrawn;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import dev.charter.registry.inactivity.Inactivity;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The lifecycle of the seats of one body (a module's group, or the core maintainers) beyond appointment and removal
 * (R14): inactivity notices in force and open requests for reinstatement. Embedded in the aggregate that holds the
 * seats ({@code Module}, {@code CoreGroup}) as an aggregate member, which checks who holds a seat and then lets this
 * apply the events; Axon forwards the aggregate's events to its event-sourcing handlers, which only assign.
 */
public final class SeatLifecycle {

    /** The subject kind of a reinstatement ballot on the voting stream. */
    public static final String REINSTATEMENT_SUBJECT = "REINSTATEMENT";

    /** A notice in force. */
    public record OpenNotice(String noticeId, Instant lastActivityAt, Instant inactiveSince, int periodDays,
                             Instant graceEndsAt) {
        Inactivity.Notice rules() {
            return new Inactivity.Notice(noticeId, inactiveSince, graceEndsAt);
        }
    }

    /** An open request for reinstatement. */
    public record OpenReinstatement(String reinstatementId, String requestId) {
    }

    private final Role role;
    private final Map<String, OpenNotice> notices = new HashMap<>();
    private final Map<String, OpenReinstatement> reinstatements = new HashMap<>();

    /** @param role the seats' role: MODULE_MAINTAINER or CORE_MAINTAINER */
    public SeatLifecycle(Role role) {
        this.role = role;
    }

    // --- R14: inactivity notices

    /**
     * R14: issues a public notice to an inactive maintainer, unless one is in force or they are not inactive by the
     * period. Answers whether it did.
     */
    public boolean issueNotice(String moduleId, String personId, String noticeId, Instant lastActivityAt,
                               Instant inactiveSince, int periodDays, Instant now, Duration gracePeriod) {
        if (notices.containsKey(personId) || !Inactivity.inactive(inactiveSince, periodDays, now)) {
            return false;
        }
        apply(new InactivityNoticeIssued(personId, role, moduleId, noticeId, lastActivityAt, inactiveSince,
                periodDays, now.plus(gracePeriod)));
        return true;
    }

    /**
     * R14: withdraws the notice in force, if it is this one; an ACTIVITY withdrawal needs activity newer than what
     * the notice was based on. Answers whether it did.
     */
    public boolean withdrawNotice(String moduleId, String personId, String noticeId, NoticeWithdrawal reason,
                                  Instant activityAt) {
        OpenNotice notice = notices.get(personId);
        if (notice == null || (noticeId != null && !notice.noticeId().equals(noticeId))) {
            return false;
        }
        if (reason == NoticeWithdrawal.ACTIVITY && !Inactivity.withdraws(notice.rules(), activityAt)) {
            return false;
        }
        apply(new InactivityNoticeWithdrawn(personId, role, moduleId, notice.noticeId(), reason,
                reason == NoticeWithdrawal.ACTIVITY ? activityAt : null));
        return true;
    }

    /** R14: a seat ended by another decision: its notice, if any, no longer stands (applied before the end). */
    public void seatEnding(String moduleId, String personId) {
        if (notices.containsKey(personId)) {
            withdrawNotice(moduleId, personId, null, NoticeWithdrawal.SEAT_ENDED, null);
        }
    }

    /**
     * R14: the move to emeritus the notice leads to once its grace period has passed, with the reason, the period
     * and the last activity; empty while the notice is not this one or its grace period runs.
     */
    public Optional<MovedToEmeritus> emeritusAfter(String moduleId, String personId, String noticeId, Instant now) {
        OpenNotice notice = notices.get(personId);
        if (notice == null || !notice.noticeId().equals(noticeId) || now.isBefore(notice.graceEndsAt())) {
            return Optional.empty();
        }
        return Optional.of(new MovedToEmeritus(personId, role, moduleId, noticeDecision(noticeId),
                EmeritusReason.INACTIVITY, notice.periodDays(), notice.lastActivityAt(), notice.inactiveSince()));
    }

    /** The decision a move to emeritus by inactivity names: the notice it follows. */
    public static DecisionRef noticeDecision(String noticeId) {
        return new DecisionRef(EventStream.REGISTRY.topic(), InactivityNoticeIssued.class.getSimpleName(), null,
                noticeId);
    }

    // --- R14: reinstatement

    /**
     * R14: an emeritus person asks to be reinstated; the ballot of {@code body} by {@code rule} is requested at once.
     *
     * @param aggregateId the module id, or {@code core}: the ballot's subject, so its result finds its way back
     */
    public ReinstatementRequested requestReinstatement(String aggregateId, String moduleId, String reinstatementId,
                                                       String personId, String requestedBy, String statement,
                                                       Set<String> emeritus, BallotBody body, DecisionRule rule,
                                                       Instant deadline) {
        if (!personId.equals(requestedBy)) {
            throw new GovernanceException.NotAllowed("not-the-person", "R14",
                    "Only " + personId + " asks to be reinstated.");
        }
        if (!emeritus.contains(personId)) {
            throw new GovernanceException.Conflict("not-emeritus", "R14", personId + " is not emeritus of "
                    + (moduleId == null ? "the core maintainers" : "module " + moduleId) + ".");
        }
        if (reinstatements.containsKey(personId)) {
            throw new GovernanceException.Conflict("reinstatement-open", "R14", personId
                    + " has asked to be reinstated already; that request is open.");
        }
        String text = requireText(statement, "statement");
        String requestId = "registry:" + aggregateId + ":reinstatement:" + reinstatementId;
        String question = "Reinstate " + personId + " as " + (moduleId == null ? "a core maintainer"
                : "a maintainer of module " + moduleId) + "? (R14)";
        ReinstatementRequested requested = new ReinstatementRequested(personId, role, moduleId, reinstatementId, text,
                BallotRequest.yesNo(requestId, REINSTATEMENT_SUBJECT, aggregateId, question, body, moduleId, rule,
                        deadline, List.of(personId), personId));
        apply(requested);
        return requested;
    }

    /**
     * R14: the reinstatement ballot closed: CARRIED resumes the tenure ({@code appointment}, naming the ballot),
     * otherwise the request is declined. Idempotent: a ballot of no open request changes nothing.
     */
    public boolean reinstatementBallotClosed(String moduleId, String requestId, String ballotId, BallotOutcome outcome,
                                             DecisionRef ballot) {
        Optional<Map.Entry<String, OpenReinstatement>> open = reinstatements.entrySet().stream()
                .filter(e -> e.getValue().requestId().equals(requestId)).findFirst();
        if (open.isEmpty()) {
            return false;
        }
        String personId = open.get().getKey();
        if (outcome == BallotOutcome.CARRIED) {
            apply(new MaintainerAppointed(personId, role, moduleId, ballot));
        } else {
            apply(new ReinstatementDeclined(personId, role, moduleId, open.get().getValue().reinstatementId(),
                    ballotId, outcome));
        }
        return true;
    }

    /** R14: the person withdraws their open request. */
    public void withdrawReinstatement(String moduleId, String reinstatementId, String withdrawnBy, String reason) {
        Map.Entry<String, OpenReinstatement> open = reinstatements.entrySet().stream()
                .filter(e -> e.getValue().reinstatementId().equals(reinstatementId)).findFirst()
                .orElseThrow(() -> new GovernanceException.Conflict("reinstatement-not-open", "R14",
                        "Request " + reinstatementId + " is not open."));
        if (!open.getKey().equals(withdrawnBy)) {
            throw new GovernanceException.NotAllowed("not-the-person", "R14",
                    "Only " + open.getKey() + " withdraws their request.");
        }
        apply(new ReinstatementWithdrawn(open.getKey(), role, moduleId, reinstatementId, withdrawnBy,
                requireText(reason, "reason"), open.getValue().requestId()));
    }

    /** Every open request becomes moot (the module was retired, or the person took the seat by another decision). */
    public void reinstatementMoot(String moduleId, String personId, String reason) {
        reinstatements.entrySet().stream()
                .filter(e -> personId == null || e.getKey().equals(personId))
                .toList()
                .forEach(e -> apply(new ReinstatementWithdrawn(e.getKey(), role, moduleId,
                        e.getValue().reinstatementId(), null, reason, e.getValue().requestId())));
    }

    /** Whether the person has an open request for reinstatement. */
    public boolean hasOpenReinstatement(String personId) {
        return reinstatements.containsKey(personId);
    }

    /** Every person with a notice in force. */
    public Set<String> noticed() {
        return Set.copyOf(notices.keySet());
    }

    // --- event sourcing: assignments only

    @EventSourcingHandler
    void on(InactivityNoticeIssued event) {
        notices.put(event.personId(), new OpenNotice(event.noticeId(), event.lastActivityAt(), event.inactiveSince(),
                event.inactivityPeriodDays(), event.graceEndsAt()));
    }

    @EventSourcingHandler
    void on(InactivityNoticeWithdrawn event) {
        notices.remove(event.personId());
    }

    @EventSourcingHandler
    void on(ReinstatementRequested event) {
        reinstatements.put(event.personId(), new OpenReinstatement(event.reinstatementId(),
                event.ballotRequest().requestId()));
    }

    @EventSourcingHandler
    void on(ReinstatementDeclined event) {
        reinstatements.remove(event.personId());
    }

    @EventSourcingHandler
    void on(ReinstatementWithdrawn event) {
        reinstatements.remove(event.personId());
    }

    /** A seat taken or ended: no notice or request of the person stays open. */
    public void seatChanged(String personId) {
        notices.remove(personId);
        reinstatements.remove(personId);
    }

    static String requireText(String value, String field) {
        String text = Text.blankToNull(value);
        if (text == null) {
            throw new GovernanceException.BadInput("blank-" + field, "'" + field + "' must not be blank.");
        }
        return text;
    }
}
