package dev.charter.contracts.voting;

/** Why a member is out of a ballot's electorate and denominator: its subject, a declared conflict of interest with a subject, or their own recusal. */
public enum RecusalReason {
    SUBJECT, CONFLICT_OF_INTEREST, SELF
}
