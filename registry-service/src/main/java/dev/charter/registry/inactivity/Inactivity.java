package dev.charter.registry.inactivity;

import dev.charter.contracts.registry.NoticeWithdrawal;

import java.time.Duration;
import java.time.Instant;

/**
 * R14, as pure functions: a maintainer counts as inactive once their last activity — or their appointment, if
 * later — is older than the period; an inactive maintainer first gets a public notice with a grace period; any
 * activity newer than what the notice was based on withdraws it; without such activity the person moves to emeritus
 * when the grace period has passed.
 */
public final class Inactivity {

    private Inactivity() {
    }

    /** What the sweep does about one seat. */
    public sealed interface Step {
        /** Nothing: active, or a notice runs its grace period. */
        record None() implements Step {
        }

        /** Inactive and no notice yet: issue one. */
        record IssueNotice(Instant inactiveSince) implements Step {
        }

        /** The notice no longer stands. */
        record WithdrawNotice(NoticeWithdrawal reason, Instant activityAt) implements Step {
        }

        /** The grace period has passed without activity. */
        record MoveToEmeritus() implements Step {
        }
    }

    /** A notice in force, as far as the rules need it. */
    public record Notice(String noticeId, Instant inactiveSince, Instant graceEndsAt) {
    }

    /** The later of the last activity (if any) and the start of the tenure. */
    public static Instant inactiveSince(Instant lastActivity, Instant heldSince) {
        if (lastActivity == null) {
            return heldSince;
        }
        return heldSince == null || lastActivity.isAfter(heldSince) ? lastActivity : heldSince;
    }

    /** Whether {@code inactiveSince} is longer ago than the period of {@code periodDays}. */
    public static boolean inactive(Instant inactiveSince, int periodDays, Instant now) {
        return inactiveSince != null && now.isAfter(inactiveSince.plus(Duration.ofDays(periodDays)));
    }

    /** Whether an activity at {@code activityAt} withdraws the notice: it is newer than what the notice was based on. */
    public static boolean withdraws(Notice notice, Instant activityAt) {
        return activityAt != null && activityAt.isAfter(notice.inactiveSince());
    }

    /**
     * The step for one seat: its last activity (null if none is known), the start of its tenure, the period, the
     * notice in force (or null) and the time now.
     */
    public static Step assess(Instant lastActivity, Instant heldSince, int periodDays, Notice notice, Instant now) {
        Instant since = inactiveSince(lastActivity, heldSince);
        boolean inactive = inactive(since, periodDays, now);
        if (notice == null) {
            return inactive ? new Step.IssueNotice(since) : new Step.None();
        }
        if (withdraws(notice, lastActivity)) {
            return new Step.WithdrawNotice(NoticeWithdrawal.ACTIVITY, lastActivity);
        }
        if (!inactive) {
            return new Step.WithdrawNotice(NoticeWithdrawal.PERIOD_CHANGED, null);
        }
        return now.isBefore(notice.graceEndsAt()) ? new Step.None() : new Step.MoveToEmeritus();
    }
}
