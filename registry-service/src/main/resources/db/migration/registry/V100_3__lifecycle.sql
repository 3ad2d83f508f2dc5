-- issue 9: the lifecycle of people and modules (R4, R14).

-- R14: when a seat was first taken, when an imported roster states it (MaintainerAppointed revision 2).
ALTER TABLE seat ADD COLUMN held_since TIMESTAMPTZ;

-- R14: activity, from GitHub webhooks and the activity API. Only the last activity per person and module
-- (module_id '' for activity outside any module) and a count per month are kept, never payloads; nothing for
-- persons the registry does not know.
CREATE TABLE activity_last (
    person_id VARCHAR(39)   NOT NULL,
    module_id VARCHAR(64)   NOT NULL,
    last_at   TIMESTAMPTZ   NOT NULL,
    kind      VARCHAR(30)   NOT NULL,
    url       VARCHAR(2000),
    PRIMARY KEY (person_id, module_id)
);

CREATE TABLE activity_month (
    person_id   VARCHAR(39) NOT NULL,
    module_id   VARCHAR(64) NOT NULL,
    month       DATE        NOT NULL,
    activities  INTEGER     NOT NULL,
    PRIMARY KEY (person_id, module_id, month)
);

-- An activity counted once per reference: the SHA-256 of person, module, kind and reference URL.
CREATE TABLE activity_seen (
    activity_key CHAR(64)    PRIMARY KEY,
    seen_at      TIMESTAMPTZ NOT NULL
);

-- GitHub deliveries received (X-GitHub-Delivery), so a redelivery counts nothing again.
CREATE TABLE github_delivery (
    delivery_id VARCHAR(100) PRIMARY KEY,
    event       VARCHAR(100) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);

-- The lifecycle directory (subscribing processor "lifecycle": updated in the command's transaction): inactivity
-- notices (R14), settings motions (R4) and requests for reinstatement (R14). module_id is '' for the core.
CREATE TABLE inactivity_notice (
    notice_id              VARCHAR(100) PRIMARY KEY,
    person_id              VARCHAR(39)  NOT NULL,
    role                   VARCHAR(20)  NOT NULL,
    module_id              VARCHAR(64)  NOT NULL,
    issued_at              TIMESTAMPTZ  NOT NULL,
    last_activity_at       TIMESTAMPTZ,
    inactive_since         TIMESTAMPTZ  NOT NULL,
    inactivity_period_days INTEGER      NOT NULL,
    grace_ends_at          TIMESTAMPTZ  NOT NULL,
    status                 VARCHAR(20)  NOT NULL,
    closed_at              TIMESTAMPTZ,
    withdrawal_reason      VARCHAR(20)
);
CREATE INDEX inactivity_notice_open ON inactivity_notice (person_id) WHERE status = 'OPEN';

CREATE TABLE settings_motion (
    motion_id    VARCHAR(100) PRIMARY KEY,
    module_id    VARCHAR(64)  NOT NULL,
    proposed_by  VARCHAR(39)  NOT NULL,
    proposed_at  TIMESTAMPTZ  NOT NULL,
    settings     TEXT         NOT NULL,
    statement    TEXT         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    request_id   VARCHAR(300) NOT NULL,
    ballot_id    VARCHAR(100) NOT NULL,
    outcome      VARCHAR(20),
    decided_at   TIMESTAMPTZ,
    seq          BIGSERIAL
);
CREATE INDEX settings_motion_module ON settings_motion (module_id, seq);

CREATE TABLE reinstatement (
    reinstatement_id VARCHAR(100) PRIMARY KEY,
    person_id        VARCHAR(39)  NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    module_id        VARCHAR(64)  NOT NULL,
    statement        TEXT         NOT NULL,
    requested_at     TIMESTAMPTZ  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    request_id       VARCHAR(300) NOT NULL,
    ballot_id        VARCHAR(100) NOT NULL,
    outcome          VARCHAR(20),
    decided_at       TIMESTAMPTZ,
    seq              BIGSERIAL
);
CREATE INDEX reinstatement_person ON reinstatement (person_id, seq);

-- The registry's copy of the voting stream, as far as it needs it: the ballots it requested (settings motions,
-- reinstatements) and the motions of the core maintainers, whose carried ones a core maintainer may apply to a
-- group's settings directly (R4).
CREATE TABLE voting_ballot (
    ballot_id       VARCHAR(100) PRIMARY KEY,
    request_id      VARCHAR(300) NOT NULL,
    subject_kind    VARCHAR(100) NOT NULL,
    subject_id      VARCHAR(300) NOT NULL,
    body            VARCHAR(30)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    outcome         VARCHAR(20),
    closed_event_id VARCHAR(100)
);
