-- voting-service: its ballot projection. The event store, the deadlines' scheduled_tasks, the platform tables
-- and the roster copy (roster_*) come from the platform's migrations.

-- The ballots projection (tracking processor "ballots", replayable): one row per ballot, its votes, and the
-- modules it concerns (its group's module, or the affected modules) for filtering.
CREATE TABLE ballot (
    position      BIGSERIAL    NOT NULL UNIQUE,
    ballot_id     VARCHAR(100) PRIMARY KEY,
    request_id    VARCHAR(300) NOT NULL,
    subject_kind  VARCHAR(100) NOT NULL,
    subject_id    VARCHAR(300) NOT NULL,
    body          VARCHAR(40)  NOT NULL,
    method        VARCHAR(20)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    request       TEXT         NOT NULL,
    electorate    TEXT         NOT NULL,
    recusals      TEXT         NOT NULL,
    lead          VARCHAR(39),
    seed          BIGINT       NOT NULL,
    rules_version VARCHAR(200),
    opened_at     TIMESTAMPTZ  NOT NULL,
    closed_at     TIMESTAMPTZ,
    outcome       VARCHAR(20),
    close_reason  VARCHAR(30),
    decided_by    VARCHAR(39),
    reasoning     TEXT,
    cancel_reason TEXT,
    tally         TEXT
);
CREATE INDEX ballot_status ON ballot (status, position);
CREATE INDEX ballot_subject ON ballot (subject_kind, subject_id);

CREATE TABLE ballot_module (
    ballot_id VARCHAR(100) NOT NULL,
    module_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (ballot_id, module_id)
);
CREATE INDEX ballot_module_module ON ballot_module (module_id);

CREATE TABLE ballot_vote (
    ballot_id VARCHAR(100) NOT NULL,
    voter_id  VARCHAR(39)  NOT NULL,
    choice    VARCHAR(10),
    ranking   TEXT         NOT NULL,
    comment   TEXT,
    changed   BOOLEAN      NOT NULL,
    cast_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (ballot_id, voter_id)
);
