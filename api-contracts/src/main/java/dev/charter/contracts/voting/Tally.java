package dev.charter.contracts.voting;

import java.util.List;

/**
 * The full count of a ballot, published when it closes.
 *
 * @param electorate the frozen electorate after recusals (the denominator of SEATED thresholds)
 * @param recused    members recused
 * @param cast       votes cast, abstentions included
 * @param required   yes votes needed (SUPERMAJORITY, UNANIMOUS), or null
 * @param quorumMet  whether enough of the electorate took part
 * @param rounds     every round, in order
 * @param winner     RANKED_CHOICE: the elected option, or null
 */
public record Tally(int electorate, int recused, int cast, int yes, int no, int abstain, Integer required,
                    boolean quorumMet, List<Round> rounds, String winner) {
}
