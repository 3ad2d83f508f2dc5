package dev.charter.contracts.voting;

/**
 * A public event of another stream after which the ballot it requested is moot (e.g. a withdrawn
 * nomination): voting-service cancels that ballot if it is still open.
 */
public interface BallotCancelling {
    /** The {@link BallotRequest#requestId()} of the ballot to cancel. */
    String ballotRequestId();

    String cancellationReason();
}
