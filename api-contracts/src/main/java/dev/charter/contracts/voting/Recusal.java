package dev.charter.contracts.voting;

/**
 * A member out of a ballot's electorate and denominator (DESIGN §1), with the reason recorded.
 *
 * @param detail e.g. the subject the member has a conflict with, or the member's own words
 */
public record Recusal(String personId, RecusalReason reason, String detail) {
}
