-- nomination-service: its copy of the voting stream, its command-side directory and its projections. The event
-- store, platform tables and the roster copy (roster_*) come from the platform's migrations. No foreign keys: the
-- copies are filled from several Kafka partitions, in no guaranteed order across them.

-- Command-side directory (subscribing processor "nomination-directory", same transaction as the events):
-- at most one open nomination per person and role (and module), and the vacancies of the lead seat this
-- service decided, with their reason.
CREATE TABLE open_nomination (
    person_id     VARCHAR(39)  NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    module_id     VARCHAR(64)  NOT NULL DEFAULT '',
    nomination_id VARCHAR(100) NOT NULL UNIQUE,
    PRIMARY KEY (person_id, role, module_id)
);

CREATE TABLE lead_vacancy (
    vacancy_id    VARCHAR(120) PRIMARY KEY,
    person_id     VARCHAR(39)  NOT NULL,
    reason        VARCHAR(30)  NOT NULL,
    nomination_id VARCHAR(100) NOT NULL
);

-- The ballots this service requested, copied from charter.voting.v1: status, frozen electorate, recusals,
-- every vote (public, latest per member) and, once closed, the full tally with every round (JSON).
CREATE TABLE ballot (
    ballot_id    VARCHAR(120) PRIMARY KEY,
    request_id   VARCHAR(200) NOT NULL,
    subject_kind VARCHAR(40)  NOT NULL,
    subject_id   VARCHAR(120) NOT NULL,
    method       VARCHAR(20)  NOT NULL,
    deadline     TIMESTAMPTZ,
    status       VARCHAR(10)  NOT NULL,
    opened_at    TIMESTAMPTZ,
    electorate   TEXT         NOT NULL,
    recusals     TEXT         NOT NULL,
    outcome      VARCHAR(20),
    close_reason VARCHAR(20),
    closed_at    TIMESTAMPTZ,
    decided_by   VARCHAR(39),
    tally        TEXT
);
CREATE INDEX ballot_subject ON ballot (subject_kind, subject_id);

CREATE TABLE ballot_vote (
    ballot_id VARCHAR(120) NOT NULL,
    voter_id  VARCHAR(39)  NOT NULL,
    choice    VARCHAR(10),
    ranking   TEXT,
    comment   TEXT,
    cast_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (ballot_id, voter_id)
);

-- Projection of nominations (tracking processor "nominations", replayable: a reset empties these tables).
CREATE TABLE nomination (
    seq                  BIGSERIAL    UNIQUE,
    nomination_id        VARCHAR(100) PRIMARY KEY,
    kind                 VARCHAR(20)  NOT NULL,
    person_id            VARCHAR(39)  NOT NULL,
    role                 VARCHAR(20)  NOT NULL,
    module_id            VARCHAR(64),
    nominated_by         VARCHAR(39)  NOT NULL,
    nominator_standing   VARCHAR(20)  NOT NULL,
    nominator_modules    TEXT         NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    submitted_at         TIMESTAMPTZ  NOT NULL,
    statement            TEXT,
    contributions        TEXT,
    grounds              TEXT,
    body                 VARCHAR(30)  NOT NULL,
    body_module_id       VARCHAR(64),
    rule_method          VARCHAR(20)  NOT NULL,
    rule_threshold       DOUBLE PRECISION,
    rule_base            VARCHAR(20),
    rule_quorum          DOUBLE PRECISION,
    cycle_id             VARCHAR(40),
    meeting_at           TIMESTAMPTZ,
    cut_off_at           TIMESTAMPTZ,
    ballot_request_id    VARCHAR(200),
    ballot_id            VARCHAR(120),
    decision_outcome     VARCHAR(10),
    reasoning            TEXT,
    decided_by           VARCHAR(39),
    decided_at           TIMESTAMPTZ,
    decision_tally       TEXT,
    rules_version        VARCHAR(100),
    withdrawn_by         VARCHAR(39),
    withdrawal_reason    TEXT,
    withdrawn_at         TIMESTAMPTZ
);
CREATE INDEX nomination_person ON nomination (person_id);
CREATE INDEX nomination_module ON nomination (module_id);
CREATE INDEX nomination_cycle ON nomination (cycle_id);
CREATE INDEX nomination_status ON nomination (status);

CREATE TABLE dossier_entry (
    seq              BIGSERIAL    UNIQUE,
    entry_id         VARCHAR(100) PRIMARY KEY,
    nomination_id    VARCHAR(100) NOT NULL,
    entry_type       VARCHAR(20)  NOT NULL,
    author_id        VARCHAR(39)  NOT NULL,
    author_standing  VARCHAR(20)  NOT NULL,
    author_modules   TEXT         NOT NULL,
    label            VARCHAR(30)  NOT NULL,
    text             TEXT         NOT NULL,
    links            TEXT         NOT NULL,
    added_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dossier_entry_nomination ON dossier_entry (nomination_id, seq);

-- Projection of lead elections (tracking processor "elections", replayable).
CREATE TABLE election (
    seq                 BIGSERIAL    UNIQUE,
    election_id         VARCHAR(120) PRIMARY KEY,
    vacancy_id          VARCHAR(120) NOT NULL,
    former_lead_id      VARCHAR(39)  NOT NULL,
    reason              VARCHAR(30)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    opened_at           TIMESTAMPTZ  NOT NULL,
    candidacy_closes_at TIMESTAMPTZ  NOT NULL,
    eligible_candidates TEXT         NOT NULL,
    elected_lead_id     VARCHAR(39),
    elected_at          TIMESTAMPTZ
);

CREATE TABLE election_candidate (
    election_id  VARCHAR(120) NOT NULL,
    person_id    VARCHAR(39)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    nominated_by VARCHAR(39),
    PRIMARY KEY (election_id, person_id)
);

CREATE TABLE election_ballot (
    ballot_id    VARCHAR(120) PRIMARY KEY,
    election_id  VARCHAR(120) NOT NULL,
    request_id   VARCHAR(200) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX election_ballot_election ON election_ballot (election_id, requested_at);
