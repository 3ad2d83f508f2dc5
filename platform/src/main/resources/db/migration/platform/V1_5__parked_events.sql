-- Events of the event store the publisher could never publish (unreadable, not upcastable, unmappable, refused
-- for good by the broker): parked, with the error, so the stream and the audit chain go on. The chain holds an
-- EventParked record in the event's place (gap_chain_seq); an operator re-publishes the event after a fix, and it
-- is chained again at a later position with its original id (republished_chain_seq).
CREATE TABLE parked_event (
    event_id              VARCHAR(255) PRIMARY KEY,
    global_index          BIGINT       NOT NULL,
    aggregate_id          VARCHAR(255) NOT NULL,
    aggregate_sequence    BIGINT       NOT NULL,
    event_type            VARCHAR(255) NOT NULL,
    error                 TEXT         NOT NULL,
    parked_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    gap_chain_seq         BIGINT       NOT NULL,
    republished_at        TIMESTAMPTZ,
    republished_chain_seq BIGINT
);
