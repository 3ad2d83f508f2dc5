package dev.charter.contracts.voting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ballot ids are derived from request ids, so requester and voting agree on them and a retry opens nothing new. */
public final class BallotIds {

    private BallotIds() {
    }

    public static String forRequest(String requestId) {
        return "ballot-" + UUID.nameUUIDFromBytes(("ballot:" + requestId).getBytes(StandardCharsets.UTF_8));
    }
}
