package dev.charter.registry.activity;

import dev.charter.contracts.registry.NoticeWithdrawal;
import dev.charter.contracts.registry.Role;
import dev.charter.registry.core.CoreCommands.WithdrawCoreInactivityNotice;
import dev.charter.registry.lifecycle.LifecycleDirectory;
import dev.charter.registry.lifecycle.LifecycleDirectory.NoticeView;
import dev.charter.registry.module.ModuleCommands.WithdrawInactivityNotice;
import dev.charter.registry.person.RegisteredPersons;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts activity (R14): activity of persons the registry does not know is counted nowhere and not stored; the
 * rest is counted once per reference, in one transaction with the delivery it came with. Then the activity
 * withdraws the inactivity notices it answers: one of the module it was in, and one of the core maintainers (any
 * activity in the project counts for them). Should a withdrawal fail here, the next sweep withdraws the notice (it
 * compares the notice with the last activity).
 */
@Component
public class ActivityRecorder {

    private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);

    /** What a batch or delivery counted. */
    public record Recorded(boolean duplicateDelivery, int recorded, int duplicates, int unknownPersons) {
    }

    private final ActivityStore store;
    private final RegisteredPersons persons;
    private final LifecycleDirectory lifecycle;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ActivityRecorder(ActivityStore store, RegisteredPersons persons, LifecycleDirectory lifecycle,
                            CommandGateway commands, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.persons = persons;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Counts a batch reported over REST. */
    public Recorded record(List<Activity> activities) {
        return record(null, null, activities);
    }

    /**
     * Counts the activities of a GitHub delivery, unless the delivery was received before (then nothing counts).
     *
     * @param deliveryId the delivery's id, or null for a REST batch
     */
    public Recorded record(String deliveryId, String event, List<Activity> activities) {
        Instant now = clock.instant();
        List<Activity> counted = new ArrayList<>();
        Recorded result = Objects.requireNonNull(transactions.execute(status -> {
            if (deliveryId != null && !store.firstDelivery(deliveryId, event, now)) {
                return new Recorded(true, 0, 0, 0);
            }
            int duplicates = 0;
            int unknown = 0;
            for (Activity activity : activities) {
                if (activity.personId() == null || !persons.isRegistered(activity.personId())) {
                    unknown++; // R14: activity of unknown people is counted nowhere
                } else if (store.record(activity, now)) {
                    counted.add(activity);
                } else {
                    duplicates++;
                }
            }
            return new Recorded(false, counted.size(), duplicates, unknown);
        }));
        counted.forEach(this::withdrawNotices);
        return result;
    }

    /** R14: activity withdraws the notice of its module, and a core maintainer's notice. */
    private void withdrawNotices(Activity activity) {
        for (NoticeView notice : lifecycle.openNotices(activity.personId())) {
            Object command = null;
            if (notice.role() == Role.CORE_MAINTAINER) {
                command = new WithdrawCoreInactivityNotice(activity.personId(), notice.noticeId(),
                        NoticeWithdrawal.ACTIVITY, activity.occurredAt());
            } else if (Objects.equals(notice.moduleId(), activity.moduleId())) {
                command = new WithdrawInactivityNotice(notice.moduleId(), activity.personId(), notice.noticeId(),
                        NoticeWithdrawal.ACTIVITY, activity.occurredAt());
            }
            if (command == null) {
                continue;
            }
            try {
                Boolean withdrawn = commands.sendAndWait(command);
                log.info("Activity of {} at {}: notice {} {}", activity.personId(), activity.occurredAt(),
                        notice.noticeId(), Boolean.TRUE.equals(withdrawn) ? "withdrawn" : "stands (older activity)");
            } catch (RuntimeException e) {
                log.warn("Activity of {}: notice {} not withdrawn now ({}); the next sweep looks again",
                        activity.personId(), notice.noticeId(), e.toString());
            }
        }
    }
}
