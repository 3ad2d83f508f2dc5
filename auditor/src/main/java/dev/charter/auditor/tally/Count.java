package dev.charter.auditor.tally;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.ThresholdBase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's own count of a ballot — a deliberate second implementation of the published counting rules
 * (DESIGN §1, README "Voting"), written from their text and not from voting-service's code:
 * <ul>
 *   <li>"at least" thresholds: {@code needed = ceil(fraction × base)} in exact decimals of the fraction as
 *       written;</li>
 *   <li>no participant (abstentions count as participants), or fewer than {@code ceil(quorum × electorate)}:
 *       NO_QUORUM;</li>
 *   <li>MAJORITY: yes &gt; no carries, yes &lt; no rejects, equal is TIED; SUPERMAJORITY: yes ≥ max(1,
 *       ceil(threshold × base)), base the electorate (SEATED) or yes + no (VOTES_CAST); UNANIMOUS: every member of
 *       the electorate voted yes; SOLE_DECIDER: a yes and no no;</li>
 *   <li>RANKED_CHOICE: instant-runoff; a continuing option with more than half of the continuing ballots wins; else
 *       the option with fewest votes goes, ties broken by the options' order of lower-case hex SHA-256 of
 *       {@code "<seed>:<option>"} (then the option itself), the first going; ballots without a continuing
 *       preference are exhausted; an empty ranking abstains.</li>
 * </ul>
 */
public final class Count {

    private Count() {
    }

    /** One member's vote: a choice, or a ranking (empty = abstain). */
    public record Vote(Choice choice, List<String> ranking) {
        public Vote {
            ranking = ranking == null ? List.of() : List.copyOf(ranking);
        }
    }

    /** What the count needs of the ballot's request. */
    public record Rule(DecisionMethod method, Double threshold, ThresholdBase base, Double quorum,
                       List<String> options) {
        public Rule {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    public record Result(BallotOutcome outcome, Tally tally) {
    }

    public static Result of(Rule rule, int electorate, int recused, List<Vote> votes, long seed) {
        return rule.method() == DecisionMethod.RANKED_CHOICE ? ranked(rule, electorate, recused, votes, seed)
                : yesNo(rule, electorate, recused, votes);
    }

    static int atLeast(double fraction, int of) {
        return new BigDecimal(Double.toString(fraction)).multiply(new BigDecimal(of))
                .setScale(0, RoundingMode.CEILING).intValueExact();
    }

    static boolean quorum(Double quorum, int electorate, int participants) {
        if (participants == 0 || electorate == 0) {
            return false;
        }
        return quorum == null || participants >= atLeast(quorum, electorate);
    }

    private static Result yesNo(Rule rule, int electorate, int recused, List<Vote> votes) {
        int yes = 0;
        int no = 0;
        int abstain = 0;
        for (Vote vote : votes) {
            if (vote.choice() == Choice.YES) {
                yes++;
            } else if (vote.choice() == Choice.NO) {
                no++;
            } else {
                abstain++;
            }
        }
        Integer required = switch (rule.method()) {
            case MAJORITY -> null;
            case SUPERMAJORITY -> Math.max(1, atLeast(rule.threshold(),
                    rule.base() == ThresholdBase.VOTES_CAST ? yes + no : electorate));
            case UNANIMOUS -> electorate;
            case SOLE_DECIDER -> 1;
            case RANKED_CHOICE -> throw new IllegalArgumentException("ranked");
        };
        boolean quorumMet = quorum(rule.quorum(), electorate, yes + no + abstain);
        BallotOutcome outcome;
        if (!quorumMet) {
            outcome = BallotOutcome.NO_QUORUM;
        } else {
            outcome = switch (rule.method()) {
                case MAJORITY -> yes > no ? BallotOutcome.CARRIED
                        : yes < no ? BallotOutcome.REJECTED : BallotOutcome.TIED;
                case SUPERMAJORITY -> yes >= required ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
                case UNANIMOUS -> electorate > 0 && yes == electorate ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
                case SOLE_DECIDER -> yes > 0 && no == 0 ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
                case RANKED_CHOICE -> throw new IllegalArgumentException("ranked");
            };
        }
        Round round = new Round(1, List.of(new OptionCount("YES", yes), new OptionCount("NO", no),
                new OptionCount("ABSTAIN", abstain)), null, false, 0);
        return new Result(outcome, new Tally(electorate, recused, yes + no + abstain, yes, no, abstain, required,
                quorumMet, List.of(round), null));
    }

    private static Result ranked(Rule rule, int electorate, int recused, List<Vote> votes, long seed) {
        List<List<String>> rankings = new ArrayList<>();
        int abstain = 0;
        for (Vote vote : votes) {
            if (vote.ranking().isEmpty()) {
                abstain++;
            } else {
                rankings.add(vote.ranking());
            }
        }
        Map<String, Boolean> inRace = new LinkedHashMap<>();
        rule.options().forEach(option -> inRace.put(option, true));
        List<Round> rounds = new ArrayList<>();
        String winner = null;
        for (int number = 1; ; number++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            inRace.forEach((option, in) -> {
                if (in) {
                    counts.put(option, 0);
                }
            });
            int continuing = 0;
            for (List<String> ranking : rankings) {
                for (String preference : ranking) {
                    if (counts.containsKey(preference)) {
                        counts.merge(preference, 1, Integer::sum);
                        continuing++;
                        break;
                    }
                }
            }
            List<OptionCount> roundCounts = new ArrayList<>();
            counts.forEach((option, n) -> roundCounts.add(new OptionCount(option, n)));
            int exhausted = rankings.size() - continuing;
            String majority = null;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                if (entry.getValue() * 2 > continuing) {
                    majority = entry.getKey();
                }
            }
            if (majority != null || continuing == 0) {
                rounds.add(new Round(number, roundCounts, null, false, exhausted));
                winner = majority;
                break;
            }
            int fewest = counts.values().stream().min(Integer::compare).orElseThrow();
            List<String> last = counts.entrySet().stream().filter(e -> e.getValue() == fewest)
                    .map(Map.Entry::getKey).toList();
            String out = last.size() == 1 ? last.get(0) : firstInPermutation(last, seed);
            rounds.add(new Round(number, roundCounts, out, last.size() > 1, exhausted));
            inRace.put(out, false);
        }
        boolean quorumMet = quorum(rule.quorum(), electorate, votes.size());
        BallotOutcome outcome = !quorumMet ? BallotOutcome.NO_QUORUM
                : winner != null ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
        return new Result(outcome, new Tally(electorate, recused, votes.size(), 0, 0, abstain, null, quorumMet,
                rounds, quorumMet ? winner : null));
    }

    /** Of the options tied for elimination, the first in the seeded permutation. */
    static String firstInPermutation(List<String> tied, long seed) {
        String first = null;
        String firstKey = null;
        for (String option : tied) {
            String key = sha256Hex(seed + ":" + option);
            if (first == null || key.compareTo(firstKey) < 0 || key.equals(firstKey) && option.compareTo(first) < 0) {
                first = option;
                firstKey = key;
            }
        }
        return first;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
