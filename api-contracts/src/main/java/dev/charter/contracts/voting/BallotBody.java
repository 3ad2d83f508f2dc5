package dev.charter.contracts.voting;

/**
 * Who votes (DESIGN §2): the core maintainers, one module's maintainers, or the lead alone.
 *
 * <p>{@link #CORE_AND_AFFECTED_MODULES} pooled the core maintainers with the affected modules' maintainers in one
 * ballot. It is retired for new ballots: R17 approvals are one ballot per body (the core maintainers, and each
 * affected module's group under its own rule), requested together by dispute-service's controversial-change
 * proposals, and voting-service refuses to open a ballot on the pooled body (rule R17, problem code
 * {@code body-retired}). The value stays in the contract for its documented use: ballots opened on it before it
 * was retired are history — their {@code BallotOpened} events name it, and reading and re-counting them (the
 * audit, a replay) needs it. No event changes for that; nothing rewrites those ballots.
 */
public enum BallotBody {
    CORE_MAINTAINERS, MODULE_MAINTAINERS, LEAD,
    /** Retired for new ballots (see above); kept to read and re-count the ballots opened on it before. */
    CORE_AND_AFFECTED_MODULES
}
