-- Tables of the shared platform: de-duplication of consumed events, idempotent writes and the
-- audit hash chain over the service's published events.

-- Every event consumed from another service's stream, recorded in the same transaction as its
-- effect: a re-delivered event finds its id here and is skipped.
CREATE TABLE inbound_event (
    event_id     VARCHAR(255) PRIMARY KEY,
    event_type   VARCHAR(255) NOT NULL,
    topic        VARCHAR(255) NOT NULL,
    partition_no INTEGER      NOT NULL,
    offset_no    BIGINT       NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The first response to a write sent with an Idempotency-Key, replayed to retries.
CREATE TABLE idempotent_request (
    actor          VARCHAR(255)  NOT NULL,
    idem_key       VARCHAR(200)  NOT NULL,
    method         VARCHAR(10)   NOT NULL,
    path           VARCHAR(2000) NOT NULL,
    request_hash   VARCHAR(64)   NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(255),
    body           BYTEA,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ,
    PRIMARY KEY (actor, idem_key)
);

-- Append-only hash chain: hash_n = SHA-256(hash_{n-1} || canonical JSON of event n with its metadata).
CREATE TABLE audit_chain (
    chain_seq      BIGINT       PRIMARY KEY,
    event_id       VARCHAR(255) NOT NULL UNIQUE,
    global_index   BIGINT       NOT NULL,
    aggregate_id   VARCHAR(255) NOT NULL,
    event_type     VARCHAR(255) NOT NULL,
    canonical_json TEXT         NOT NULL,
    previous_hash  VARCHAR(64)  NOT NULL,
    hash           VARCHAR(64)  NOT NULL,
    chained_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX audit_chain_aggregate ON audit_chain (aggregate_id, chain_seq);

CREATE RULE audit_chain_no_update AS ON UPDATE TO audit_chain DO INSTEAD NOTHING;
CREATE RULE audit_chain_no_delete AS ON DELETE TO audit_chain DO INSTEAD NOTHING;
