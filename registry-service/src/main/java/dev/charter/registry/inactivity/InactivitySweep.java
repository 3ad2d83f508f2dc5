package dev.charter.registry.inactivity;

import dev.charter.contracts.registry.Role;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.messaging.MessageContext;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.activity.ActivityStore;
import dev.charter.registry.core.CoreCommands.IssueCoreInactivityNotice;
import dev.charter.registry.core.CoreCommands.MoveCoreMaintainerToEmeritusAfterNotice;
import dev.charter.registry.core.CoreCommands.WithdrawCoreInactivityNotice;
import dev.charter.registry.lifecycle.LifecycleDirectory;
import dev.charter.registry.lifecycle.LifecycleDirectory.NoticeView;
import dev.charter.registry.module.ModuleCommands.IssueInactivityNotice;
import dev.charter.registry.module.ModuleCommands.MoveToEmeritusAfterNotice;
import dev.charter.registry.module.ModuleCommands.WithdrawInactivityNotice;
import dev.charter.registry.roster.RosterQueries;
import dev.charter.registry.roster.RosterQueries.HeldSeat;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * R14: the sweep (run by a durable recurring task, once across replicas): for every module maintainer of an active
 * module and every core maintainer but the lead, compares the last activity — in the module; for a core maintainer
 * anywhere in the project — or the start of the tenure, if later, with the period (the group's; the project-wide one
 * for core maintainers), and issues a public notice, withdraws one that no longer stands, or moves the person to
 * emeritus when the grace period has passed ({@link Inactivity}). The aggregates decide again and ignore what no
 * longer applies, so two sweeps at once, or a sweep after a restart, change nothing twice.
 */
@Component
public class InactivitySweep {

    private static final Logger log = LoggerFactory.getLogger(InactivitySweep.class);

    /** What one sweep did. */
    public record Result(int notices, int withdrawals, int moves) {
    }

    private final RosterQueries roster;
    private final ActivityStore activity;
    private final LifecycleDirectory lifecycle;
    private final CommandGateway commands;
    private final RegistryProperties.Inactivity settings;
    private final String systemActor;
    private final Clock clock;

    public InactivitySweep(RosterQueries roster, ActivityStore activity, LifecycleDirectory lifecycle,
                           CommandGateway commands, RegistryProperties properties, CharterProperties charter,
                           Clock clock) {
        this.roster = roster;
        this.activity = activity;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.settings = properties.inactivity();
        this.systemActor = charter.systemActor();
        this.clock = clock;
    }

    /** One sweep, as the service (the actor of what it applies). */
    public Result sweep() {
        String id = "inactivity-sweep:" + UUID.randomUUID();
        return new MessageContext(systemActor, id, id).call(this::sweepNow);
    }

    private Result sweepNow() {
        Instant now = clock.instant();
        Duration grace = settings.gracePeriod();
        Map<String, Map<String, Instant>> last = activity.lastActivities();
        Map<String, NoticeView> notices = new HashMap<>();
        lifecycle.openNotices().forEach(n -> notices.put(key(n.personId(), n.role(), n.moduleId()), n));
        int issued = 0;
        int withdrawn = 0;
        int moved = 0;
        for (HeldSeat seat : roster.seatsForSweep()) {
            boolean core = seat.role() == Role.CORE_MAINTAINER;
            int period = core ? settings.corePeriodDays() : Objects.requireNonNullElse(seat.periodDays(), 365);
            Map<String, Instant> ofPerson = last.getOrDefault(seat.personId(), Map.of());
            Instant lastActivity = core ? latest(ofPerson.values()) : ofPerson.get(seat.moduleId());
            NoticeView notice = notices.get(key(seat.personId(), seat.role(), seat.moduleId()));
            Inactivity.Step step = Inactivity.assess(lastActivity, seat.heldSince(), period,
                    notice == null ? null : new Inactivity.Notice(notice.noticeId(), notice.inactiveSince(),
                            notice.graceEndsAt()), now);
            Object command = null;
            if (step instanceof Inactivity.Step.IssueNotice issue) {
                command = core
                        ? new IssueCoreInactivityNotice(seat.personId(), UUID.randomUUID().toString(), lastActivity,
                        issue.inactiveSince(), period, now, grace)
                        : new IssueInactivityNotice(seat.moduleId(), seat.personId(), UUID.randomUUID().toString(),
                        lastActivity, issue.inactiveSince(), now, grace);
            } else if (step instanceof Inactivity.Step.WithdrawNotice withdraw) {
                command = core
                        ? new WithdrawCoreInactivityNotice(seat.personId(), notice.noticeId(), withdraw.reason(),
                        withdraw.activityAt())
                        : new WithdrawInactivityNotice(seat.moduleId(), seat.personId(), notice.noticeId(),
                        withdraw.reason(), withdraw.activityAt());
            } else if (step instanceof Inactivity.Step.MoveToEmeritus) {
                command = core
                        ? new MoveCoreMaintainerToEmeritusAfterNotice(seat.personId(), notice.noticeId(), now)
                        : new MoveToEmeritusAfterNotice(seat.moduleId(), seat.personId(), notice.noticeId(), now);
            }
            if (command != null && send(command)) {
                if (step instanceof Inactivity.Step.IssueNotice) {
                    issued++;
                } else if (step instanceof Inactivity.Step.WithdrawNotice) {
                    withdrawn++;
                } else {
                    moved++;
                }
            }
        }
        Result result = new Result(issued, withdrawn, moved);
        if (issued + withdrawn + moved > 0) {
            log.info("Inactivity sweep at {}: {} notices issued, {} withdrawn, {} moved to emeritus", now, issued,
                    withdrawn, moved);
        }
        return result;
    }

    /** Sends one command; a failure is logged and left to the next sweep. */
    private boolean send(Object command) {
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(command));
        } catch (RuntimeException e) {
            log.warn("Inactivity sweep: {} failed ({}); the next sweep tries again",
                    command.getClass().getSimpleName(), e.toString());
            return false;
        }
    }

    private static Instant latest(Collection<Instant> times) {
        return times.stream().max(Instant::compareTo).orElse(null);
    }

    private static String key(String personId, Role role, String moduleId) {
        return personId + "|" + role + "|" + (moduleId == null ? "" : moduleId);
    }
}
