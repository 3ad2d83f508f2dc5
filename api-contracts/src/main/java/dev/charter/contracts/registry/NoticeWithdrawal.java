package dev.charter.contracts.registry;

/**
 * Why an inactivity notice was withdrawn (R14): activity of the person, a change of the period after which they are
 * no longer inactive, or the end of their seat by another decision.
 */
public enum NoticeWithdrawal {
    ACTIVITY, PERIOD_CHANGED, SEAT_ENDED
}
