package dev.charter.contracts.voting;

/** A public event of another stream that asks voting-service to open a ballot. */
public interface BallotRequesting {
    BallotRequest ballotRequest();
}
