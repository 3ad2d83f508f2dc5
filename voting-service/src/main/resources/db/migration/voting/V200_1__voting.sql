-- voting-service: its copy of the registry and its ballot projection. The event store, the deadlines'
-- scheduled_tasks and the platform tables come from the platform's migrations.

-- The roster as the registry's public events show it now (roster.RosterCopy, fed from charter.registry.v1).
-- Every write is an upsert or a delete of the current state, so applying an event twice changes nothing.
CREATE TABLE roster_person (
    person_id    VARCHAR(39)  PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL
);

-- Current seats: MODULE_MAINTAINER (module_id set), CORE_MAINTAINER and LEAD (module_id '').
CREATE TABLE roster_seat (
    person_id VARCHAR(39) NOT NULL,
    role      VARCHAR(20) NOT NULL,
    module_id VARCHAR(64) NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, role, module_id)
);
CREATE INDEX roster_seat_body ON roster_seat (role, module_id);

-- Declared conflicts of interest in force (R10), either direction.
CREATE TABLE roster_conflict (
    conflict_id     VARCHAR(100) PRIMARY KEY,
    person_id       VARCHAR(39)  NOT NULL,
    other_person_id VARCHAR(39)  NOT NULL
);
CREATE INDEX roster_conflict_person ON roster_conflict (person_id);
CREATE INDEX roster_conflict_other ON roster_conflict (other_person_id);

-- Modules with their group's decision rule (R4).
CREATE TABLE roster_module (
    module_id          VARCHAR(64)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    retired            BOOLEAN      NOT NULL DEFAULT FALSE,
    decision_method    VARCHAR(20)  NOT NULL,
    decision_threshold DOUBLE PRECISION,
    decision_base      VARCHAR(20),
    decision_quorum    DOUBLE PRECISION
);

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
