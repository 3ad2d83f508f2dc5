-- R7: a closed motion of a module's group that the core maintainers vetoed (BallotVetoed) keeps its outcome and
-- tally and is shown as vetoed, with the veto on dispute-service.
ALTER TABLE ballot
    ADD COLUMN veto_id        VARCHAR(100),
    ADD COLUMN veto_reasoning TEXT,
    ADD COLUMN vetoed_by      VARCHAR(39),
    ADD COLUMN vetoed_at      TIMESTAMPTZ;
