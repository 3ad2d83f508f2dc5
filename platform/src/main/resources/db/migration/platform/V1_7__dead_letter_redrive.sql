-- Dead letters an operator re-drove into the service (the dead-letter topics themselves are immutable).
CREATE TABLE dead_letter_redrive (
    topic        VARCHAR(255) NOT NULL,
    partition_no INTEGER      NOT NULL,
    offset_no    BIGINT       NOT NULL,
    event_id     VARCHAR(255),
    redriven_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition_no, offset_no)
);
