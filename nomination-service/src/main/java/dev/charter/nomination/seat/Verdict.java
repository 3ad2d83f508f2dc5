package dev.charter.nomination.seat;

/** The outcome a member of the deciding body states when publishing the reasoning of a decision. */
public enum Verdict {
    CONFIRMED, DECLINED
}
