-- The last verified position of the audit chain: the next verification starts after it (incremental), and the
-- time of the last verification from genesis.
CREATE TABLE audit_verification (
    id               INTEGER      PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    chain_seq        BIGINT       NOT NULL,
    hash             VARCHAR(64)  NOT NULL,
    verified_at      TIMESTAMPTZ  NOT NULL,
    full_verified_at TIMESTAMPTZ
);
