package dev.charter.console.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The rounds of a count drawn as horizontal bar charts (SVG, rendered by the {@code charts} template): one
 * chart per round, bars on one scale across rounds so they compare, the option eliminated after the round and
 * the winner marked; for ranked choice a line at half of the continuing ballots (a winner needs more).
 */
public record RoundsChart(List<RoundView> rounds) {

    public static final int WIDTH = 640;
    static final int LABEL = 180;
    static final int VALUE = 84;
    static final int BAR = 26;
    static final int GAP = 10;
    static final int TOP = 8;
    static final int LABEL_CHARS = 24;

    /** One round's chart. */
    public record RoundView(int number, int height, List<BarView> bars, String eliminated, boolean tieBroken,
                            int exhausted, int continuing, Double halfX, String description) {

        /** The option's votes in this round; null once it is out of the race. */
        public Integer votes(String option) {
            return bars.stream().filter(bar -> bar.option().equals(option)).map(BarView::votes).findFirst().orElse(null);
        }
    }

    /**
     * One bar.
     *
     * @param kind    winner, eliminated or continuing (ranked choice); yes, no or abstain (yes/no methods)
     * @param label   the option, shortened to fit; {@code option} is whole
     */
    public record BarView(String option, String label, int votes, double y, double width, String kind,
                          double textX, double textY) {
    }

    /**
     * @param ranked whether the rounds are instant-runoff rounds (else the one round of a yes/no method)
     * @param winner the elected option of a ranked-choice count, or null
     */
    public static RoundsChart of(List<Count.Round> rounds, boolean ranked, String winner) {
        int most = 1;
        for (Count.Round round : rounds) {
            for (Count.OptionVotes count : round.counts()) {
                most = Math.max(most, count.votes());
            }
            if (ranked) {
                most = Math.max(most, (round.continuing() + 1) / 2);
            }
        }
        double scale = (double) (WIDTH - LABEL - VALUE) / most;
        List<RoundView> views = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            Count.Round round = rounds.get(r);
            boolean last = r == rounds.size() - 1;
            List<BarView> bars = new ArrayList<>();
            double y = TOP;
            for (Count.OptionVotes count : round.counts()) {
                String kind = kind(count.option(), round, ranked, last, winner);
                double width = Math.max(count.votes() == 0 ? 0 : 2, count.votes() * scale);
                bars.add(new BarView(count.option(), shorten(count.option()), count.votes(), y, width, kind,
                        LABEL + width + 6, y + BAR / 2.0 + 5));
                y += BAR + GAP;
            }
            Double halfX = ranked && round.continuing() > 0 ? LABEL + round.continuing() / 2.0 * scale : null;
            int height = (int) Math.ceil(y - GAP + TOP + (ranked ? 16 : 0));
            views.add(new RoundView(round.number(), height, List.copyOf(bars), round.eliminated(), round.tieBroken(),
                    round.exhausted(), round.continuing(), halfX, describe(round, ranked, last, winner)));
        }
        return new RoundsChart(List.copyOf(views));
    }

    public int labelWidth() {
        return LABEL;
    }

    public int barHeight() {
        return BAR;
    }

    private static String kind(String option, Count.Round round, boolean ranked, boolean last, String winner) {
        if (!ranked) {
            return switch (option) {
                case "YES" -> "yes";
                case "NO" -> "no";
                default -> "abstain";
            };
        }
        if (option.equals(round.eliminated())) {
            return "eliminated";
        }
        return last && option.equals(winner) ? "winner" : "continuing";
    }

    /** The text alternative of a round's chart. */
    private static String describe(Count.Round round, boolean ranked, boolean last, String winner) {
        StringBuilder text = new StringBuilder(ranked ? "Round " + round.number() + ": " : "");
        List<String> parts = new ArrayList<>();
        for (Count.OptionVotes count : round.counts()) {
            parts.add(count.option() + " " + count.votes());
        }
        text.append(String.join(", ", parts)).append('.');
        if (ranked) {
            if (round.eliminated() != null) {
                text.append(" Eliminated: ").append(round.eliminated())
                        .append(round.tieBroken() ? " (tie broken by the seeded permutation)." : ".");
            } else if (last && winner != null) {
                text.append(" Elected: ").append(winner).append('.');
            }
            text.append(" Exhausted ballots: ").append(round.exhausted()).append('.');
        }
        return text.toString();
    }

    static String shorten(String option) {
        return option.length() <= LABEL_CHARS ? option : option.substring(0, LABEL_CHARS - 1) + "…";
    }
}
