package dev.charter.registry.core;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementRequested;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.AppliedDecisions;
import dev.charter.registry.core.CoreCommands.AppointCoreMaintainer;
import dev.charter.registry.core.CoreCommands.AppointLead;
import dev.charter.registry.core.CoreCommands.IssueCoreInactivityNotice;
import dev.charter.registry.core.CoreCommands.MoveCoreMaintainerToEmeritus;
import dev.charter.registry.core.CoreCommands.MoveCoreMaintainerToEmeritusAfterNotice;
import dev.charter.registry.core.CoreCommands.RecordCoreReinstatementBallotClosed;
import dev.charter.registry.core.CoreCommands.RemoveCoreMaintainer;
import dev.charter.registry.core.CoreCommands.RequestCoreReinstatement;
import dev.charter.registry.core.CoreCommands.VacateLeadSeat;
import dev.charter.registry.core.CoreCommands.WithdrawCoreInactivityNotice;
import dev.charter.registry.core.CoreCommands.WithdrawCoreReinstatement;
import dev.charter.registry.lifecycle.SeatLifecycle;
import dev.charter.registry.person.RegisteredPersons;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The core maintainers and the lead core maintainer (R1): exactly one lead at a time, and the lead is a
 * core maintainer. A new lead takes the seat only when it is vacant (R12, R13). Seats change only by a
 * named decision; re-applying the same decision changes nothing.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class CoreGroup {

    public static final String ID = "core";

    @AggregateIdentifier
    private String groupId;
    private String lead;
    private final Set<String> coreMaintainers = new LinkedHashSet<>();
    private final Set<String> emeritus = new LinkedHashSet<>();
    private final AppliedDecisions applied = new AppliedDecisions();
    @AggregateMember
    private final SeatLifecycle lifecycle = new SeatLifecycle(Role.CORE_MAINTAINER);

    /** R11, R14: the lead alone decides a core emeritus's reinstatement. */
    private static final DecisionRule LEAD_ALONE = new DecisionRule(DecisionMethod.SOLE_DECIDER, null, null, null);

    public CoreGroup() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AppointCoreMaintainer command, RegisteredPersons persons) {
        groupId = ID;
        applied.applyOnce(new MaintainerAppointed(command.personId(), Role.CORE_MAINTAINER, null,
                command.decision(), command.heldSince()), () -> {
            persons.requireRegisteredIndividual(command.personId());
            if (coreMaintainers.contains(command.personId())) {
                throw new GovernanceException.Conflict("already-a-core-maintainer", "R11",
                        command.personId() + " is already a core maintainer.");
            }
            lifecycle.reinstatementMoot(null, command.personId(), "appointed by another decision");
        });
    }

    /** R10: removal of a core maintainer; a lead who is removed as core maintainer leaves the lead seat first. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveCoreMaintainer command) {
        groupId = ID;
        MaintainerRemoved removed = new MaintainerRemoved(command.personId(), Role.CORE_MAINTAINER, null,
                RemovalReason.REMOVED, command.decision());
        if (applied.contains(removed)) {
            return; // the same decision again: already applied
        }
        if (!coreMaintainers.contains(command.personId())) {
            throw new GovernanceException.Conflict("not-a-core-maintainer", "R10",
                    command.personId() + " is not a core maintainer.");
        }
        if (command.personId().equals(lead)) {
            apply(new MaintainerRemoved(command.personId(), Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED,
                    command.decision()));
        }
        lifecycle.seatEnding(null, command.personId());
        apply(removed);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MoveCoreMaintainerToEmeritus command, RegisteredPersons persons) {
        groupId = ID;
        applied.applyOnce(MovedToEmeritus.imported(command.personId(), Role.CORE_MAINTAINER, null,
                command.decision()), () -> {
            persons.requireRegisteredIndividual(command.personId());
            if (emeritus.contains(command.personId())) {
                throw new GovernanceException.Conflict("already-emeritus", "R14",
                        command.personId() + " is already a core emeritus.");
            }
            boolean bootstrap = AppliedDecisions.isBootstrap(command.decision());
            if (!coreMaintainers.contains(command.personId()) && !bootstrap) {
                throw new GovernanceException.Conflict("not-a-core-maintainer", "R14",
                        command.personId() + " is not a core maintainer.");
            }
            if (command.personId().equals(lead)) {
                throw new GovernanceException.Conflict("lead-seated", "R13",
                        "The lead moves to emeritus only after the lead seat is vacated.");
            }
        });
    }

    /** R1, R13: the lead is a core maintainer and takes a vacant seat. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AppointLead command) {
        groupId = ID;
        applied.applyOnce(new MaintainerAppointed(command.personId(), Role.LEAD, null, command.decision()), () -> {
            if (!coreMaintainers.contains(command.personId())) {
                throw new GovernanceException.RuleViolation("lead-not-core", "R1",
                        "The lead is one of the core maintainers; " + command.personId()
                                + " is not a core maintainer.");
            }
            if (lead != null) {
                throw new GovernanceException.Conflict("lead-seat-taken", "R13",
                        lead + " holds the lead seat; a new lead is elected only after it is vacated.");
            }
        });
    }

    /** R12, R13: the lead seat is vacated by removal or permanent unavailability; the person stays a core maintainer. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(VacateLeadSeat command) {
        groupId = ID;
        applied.applyOnce(new MaintainerRemoved(command.personId(), Role.LEAD, null,
                RemovalReason.LEAD_SEAT_VACATED, command.decision()), () -> {
            if (lead == null || !lead.equals(command.personId())) {
                throw new GovernanceException.Conflict("not-the-lead", "R12",
                        command.personId() + " does not hold the lead seat"
                                + (lead == null ? " (it is vacant)." : "; " + lead + " does."));
            }
        });
    }

    /**
     * R14: the sweep found a core maintainer inactive in the whole project longer than the project-wide period: a
     * public notice. The lead's seat ends only by R12 or R13, so the lead gets none.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(IssueCoreInactivityNotice command) {
        groupId = ID;
        if (!coreMaintainers.contains(command.personId()) || command.personId().equals(lead)) {
            return false;
        }
        return lifecycle.issueNotice(null, command.personId(), command.noticeId(), command.lastActivityAt(),
                command.inactiveSince(), command.periodDays(), command.now(), command.gracePeriod());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(WithdrawCoreInactivityNotice command) {
        groupId = ID;
        return lifecycle.withdrawNotice(null, command.personId(), command.noticeId(), command.reason(),
                command.activityAt());
    }

    /** R14: the grace period passed without activity: the core maintainer moves to emeritus (not the lead, R13). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(MoveCoreMaintainerToEmeritusAfterNotice command) {
        groupId = ID;
        if (!coreMaintainers.contains(command.personId()) || command.personId().equals(lead)) {
            return false;
        }
        return lifecycle.emeritusAfter(null, command.personId(), command.noticeId(), command.now())
                .map(moved -> {
                    apply(moved);
                    return true;
                }).orElse(false);
    }

    /** R14, R11: a core emeritus asks to be reinstated; the lead decides alone, with public reasoning. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReinstatementRequested handle(RequestCoreReinstatement command) {
        groupId = ID;
        return lifecycle.requestReinstatement(ID, null, command.reinstatementId(), command.personId(),
                command.requestedBy(), command.statement(), emeritus, BallotBody.LEAD, LEAD_ALONE,
                command.deadline());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawCoreReinstatement command) {
        groupId = ID;
        lifecycle.withdrawReinstatement(null, command.reinstatementId(), command.withdrawnBy(), command.reason());
    }

    /** R14: the lead's ballot closed: carried, the core tenure resumes; otherwise declined. Idempotent. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordCoreReinstatementBallotClosed command) {
        groupId = ID;
        return lifecycle.reinstatementBallotClosed(null, command.requestId(), command.ballotId(), command.outcome(),
                command.ballot());
    }

    @EventSourcingHandler
    void on(MaintainerAppointed event) {
        groupId = ID;
        if (event.role() == Role.LEAD) {
            lead = event.personId();
        } else {
            coreMaintainers.add(event.personId());
            emeritus.remove(event.personId());
            lifecycle.seatChanged(event.personId());
        }
        applied.record(event);
    }

    @EventSourcingHandler
    void on(MaintainerRemoved event) {
        groupId = ID;
        if (event.role() == Role.LEAD) {
            lead = null;
        } else {
            coreMaintainers.remove(event.personId());
            lifecycle.seatChanged(event.personId());
        }
        applied.record(event);
    }

    @EventSourcingHandler
    void on(MovedToEmeritus event) {
        groupId = ID;
        coreMaintainers.remove(event.personId());
        emeritus.add(event.personId());
        lifecycle.seatChanged(event.personId());
        applied.record(event);
    }

}
