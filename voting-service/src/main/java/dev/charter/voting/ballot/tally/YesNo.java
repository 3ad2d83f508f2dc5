package dev.charter.voting.ballot.tally;

/** The yes, no and abstain votes cast on a yes/no question. */
public record YesNo(int yes, int no, int abstain) {

    public YesNo {
        if (yes < 0 || no < 0 || abstain < 0) {
            throw new IllegalArgumentException("Vote counts are not negative");
        }
    }

    /** Members who took part, abstentions included (what a quorum counts). */
    public int participants() {
        return yes + no + abstain;
    }

    public YesNo plus(int moreYes, int moreNo, int moreAbstain) {
        return new YesNo(yes + moreYes, no + moreNo, abstain + moreAbstain);
    }
}
