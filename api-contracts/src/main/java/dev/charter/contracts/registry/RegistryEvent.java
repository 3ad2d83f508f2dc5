package dev.charter.contracts.registry;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventRevision;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.voting.BallotCancelling;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.BallotRequesting;
import dev.charter.contracts.voting.DecisionRule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The events of the registry stream ({@code charter.registry.v1}). The aggregate id (Kafka key,
 * CloudEvents subject) is the person id for person events, the module id for module events and
 * {@code core} for the core maintainers and the lead. When and by whom is in the metadata
 * (CloudEvents {@code time}, {@code actor}).
 */
public sealed interface RegistryEvent extends PublicEvent {

    /** An individual was registered (R2: persons, never companies). Ids are lower-case handles. */
    @EventRevision(1)
    record PersonRegistered(String personId, String displayName, String affiliation) implements RegistryEvent {
    }

    /** The person's affiliation changed; null means independent. Affiliation is never a seat (R2). */
    @EventRevision(1)
    record AffiliationChanged(String personId, String affiliation, String previousAffiliation)
            implements RegistryEvent {
    }

    /** A conflict of interest between two persons was declared (R10: recusal). */
    @EventRevision(1)
    record ConflictOfInterestDeclared(String personId, String conflictId, String otherPersonId, ConflictKind kind,
                                      String description) implements RegistryEvent {
    }

    @EventRevision(1)
    record ConflictOfInterestWithdrawn(String personId, String conflictId, String otherPersonId, String reason)
            implements RegistryEvent {
    }

    /** A module and its maintainer group came into being (R3, R15). */
    @EventRevision(1)
    record ModuleAdded(String moduleId, String name, ModuleKind kind, String location, String description,
                       DecisionRule decisionRule, NominationProcess nominationProcess, int inactivityPeriodDays,
                       DecisionRef decision) implements RegistryEvent {
    }

    /** A module's name, location or scope changed (R15). */
    @EventRevision(1)
    record ModuleRescoped(String moduleId, String name, ModuleKind kind, String location, String description,
                          DecisionRef decision) implements RegistryEvent {
    }

    /** A module was retired (R15); its maintainers' seats ended just before. */
    @EventRevision(1)
    record ModuleRetired(String moduleId, DecisionRef decision) implements RegistryEvent {
    }

    /**
     * The group adopted another decision rule (R4), or a veto restored the one it had (R7).
     *
     * @param decision the decision it came from (revision 2), e.g. the veto that restored the previous rule; null
     *                 for a change made directly
     */
    @EventRevision(2)
    record ModuleDecisionRuleChanged(String moduleId, DecisionRule decisionRule, DecisionRef decision)
            implements RegistryEvent {
    }

    /**
     * The group changed how its maintainers are nominated (R9), or a veto restored the previous process (R7).
     *
     * @param decision as for {@link ModuleDecisionRuleChanged} (revision 2)
     */
    @EventRevision(2)
    record ModuleNominationProcessChanged(String moduleId, NominationProcess nominationProcess, DecisionRef decision)
            implements RegistryEvent {
    }

    /**
     * The group changed its inactivity period before emeritus (R14), or a veto restored the previous one (R7).
     *
     * @param decision as for {@link ModuleDecisionRuleChanged} (revision 2)
     */
    @EventRevision(2)
    record ModuleInactivityPeriodChanged(String moduleId, int inactivityPeriodDays, DecisionRef decision)
            implements RegistryEvent {
    }

    /** The group published a vision, roadmap, design doc or meeting notes (R6). */
    @EventRevision(1)
    record PublicationAdded(String moduleId, String publicationId, PublicationKind kind, String title, String url,
                            LocalDate publishedOn) implements RegistryEvent {
    }

    /**
     * A person took a seat: a module's maintainer group (moduleId set), the core maintainers, or the
     * lead seat (R1). Names the decision it came from. A reinstated emeritus (R14) takes the seat again by the
     * decision of the group's (or the lead's) ballot; the emeritus period before stays in the tenure history.
     *
     * @param heldSince revision 2: when the person first took this seat, if before this event — an imported roster
     *                  states it (the start of inactivity, R14); null means at this event
     */
    @EventRevision(2)
    record MaintainerAppointed(String personId, Role role, String moduleId, DecisionRef decision, Instant heldSince)
            implements RegistryEvent {

        /** An appointment that starts now (no earlier tenure stated). */
        public MaintainerAppointed(String personId, Role role, String moduleId, DecisionRef decision) {
            this(personId, role, moduleId, decision, null);
        }
    }

    /**
     * A person's seat ended by a decision (R10, R12), because its module was retired, or because the core
     * maintainers vetoed the module group's decision that appointed them (R7: reason VETOED, decision the veto;
     * revision 2 added that reason).
     */
    @EventRevision(2)
    record MaintainerRemoved(String personId, Role role, String moduleId, RemovalReason reason, DecisionRef decision)
            implements RegistryEvent {
    }

    /**
     * A maintainer moved to emeritus status (R14); their seat ended.
     *
     * @param decision             the import, or the inactivity notice the move follows (source
     *                             {@code charter.registry.v1}, type {@code InactivityNoticeIssued}, reference the notice id)
     * @param reason               revision 2: IMPORTED (the bootstrap import listed the person as emeritus) or
     *                             INACTIVITY (no activity for longer than the period, and none in the grace period)
     * @param inactivityPeriodDays INACTIVITY: the period the person was inactive longer than (the module's, or the
     *                             project-wide period of the core maintainers)
     * @param lastActivityAt       INACTIVITY: the last activity known, or null when none was ever recorded
     * @param inactiveSince        INACTIVITY: the later of the last activity and the appointment
     */
    @EventRevision(2)
    record MovedToEmeritus(String personId, Role role, String moduleId, DecisionRef decision, EmeritusReason reason,
                           Integer inactivityPeriodDays, Instant lastActivityAt, Instant inactiveSince)
            implements RegistryEvent {

        /** A past maintainer listed as emeritus by the bootstrap import. */
        public static MovedToEmeritus imported(String personId, Role role, String moduleId, DecisionRef decision) {
            return new MovedToEmeritus(personId, role, moduleId, decision, EmeritusReason.IMPORTED, null, null, null);
        }
    }

    /**
     * R14: a public notice that a maintainer has been inactive longer than the period — in the module (its group's
     * period), or in the whole project (a core maintainer: the project-wide period). Other systems may turn it into
     * an e-mail or a GitHub mention. Activity before {@code graceEndsAt} withdraws it; otherwise the person moves to
     * emeritus. The aggregate is the module, or {@code core}.
     *
     * @param lastActivityAt the last activity known, or null when none was ever recorded
     * @param inactiveSince  the later of the last activity and the appointment
     */
    @EventRevision(1)
    record InactivityNoticeIssued(String personId, Role role, String moduleId, String noticeId,
                                  Instant lastActivityAt, Instant inactiveSince, int inactivityPeriodDays,
                                  Instant graceEndsAt) implements RegistryEvent {
    }

    /**
     * R14: an inactivity notice no longer stands: the person was active (ACTIVITY), the period changed so they are
     * no longer inactive (PERIOD_CHANGED), or their seat ended otherwise (SEAT_ENDED).
     *
     * @param activityAt ACTIVITY: when the activity that withdrew it took place
     */
    @EventRevision(1)
    record InactivityNoticeWithdrawn(String personId, Role role, String moduleId, String noticeId,
                                     NoticeWithdrawal reason, Instant activityAt) implements RegistryEvent {
    }

    /**
     * R14: an emeritus person asks to take their seat again. voting-service opens the ballot requested: the
     * module's group under its own rule (R4), or the lead alone for a core emeritus (SOLE_DECIDER, as R11).
     * The aggregate is the module, or {@code core}.
     */
    @EventRevision(1)
    record ReinstatementRequested(String personId, Role role, String moduleId, String reinstatementId,
                                  String statement, BallotRequest ballotRequest)
            implements RegistryEvent, BallotRequesting {
    }

    /**
     * R14: the ballot on a reinstatement closed without carrying; the person stays emeritus. (A carried one is a
     * {@link MaintainerAppointed} naming the ballot.)
     */
    @EventRevision(1)
    record ReinstatementDeclined(String personId, Role role, String moduleId, String reinstatementId,
                                 String ballotId, BallotOutcome outcome) implements RegistryEvent {
    }

    /**
     * R14: the person withdrew their request for reinstatement before the ballot closed, or it became moot (the
     * module was retired); voting-service cancels the ballot if it is open.
     *
     * @param withdrawnBy the person, or null when it became moot
     */
    @EventRevision(1)
    record ReinstatementWithdrawn(String personId, Role role, String moduleId, String reinstatementId,
                                  String withdrawnBy, String reason, String ballotRequestId)
            implements RegistryEvent, BallotCancelling {

        @Override
        public String cancellationReason() {
            return "The request to reinstate " + personId + " was withdrawn: " + reason;
        }
    }

    /**
     * R4: a maintainer put a motion to their group to change its settings (decision rule, nomination process,
     * inactivity period); voting-service opens the group's ballot under its current rule. When it carries, the
     * settings events follow, naming the ballot.
     */
    @EventRevision(1)
    record SettingsMotionProposed(String moduleId, String motionId, String proposedBy, DecisionRule decisionRule,
                                  NominationProcess nominationProcess, int inactivityPeriodDays, String statement,
                                  BallotRequest ballotRequest) implements RegistryEvent, BallotRequesting {
    }

    /**
     * R4: the group's ballot on a settings motion closed. CARRIED: the changed settings follow, each naming the
     * ballot; otherwise nothing changes.
     */
    @EventRevision(1)
    record SettingsMotionDecided(String moduleId, String motionId, String ballotId, BallotOutcome outcome)
            implements RegistryEvent {
    }

    /**
     * R4: the proposer withdrew a settings motion before its ballot closed, or it became moot (the module was
     * retired); voting-service cancels the ballot if it is open.
     *
     * @param withdrawnBy the proposer, or null when it became moot
     */
    @EventRevision(1)
    record SettingsMotionWithdrawn(String moduleId, String motionId, String withdrawnBy, String reason,
                                   String ballotRequestId) implements RegistryEvent, BallotCancelling {

        @Override
        public String cancellationReason() {
            return "The settings motion " + motionId + " of module " + moduleId + " was withdrawn: " + reason;
        }
    }

    /** An existing roster was imported into the empty registry; every event of the import names it. */
    @EventRevision(1)
    record RosterImported(String importId, int persons, int modules, int appointments)
            implements RegistryEvent {
    }
}
