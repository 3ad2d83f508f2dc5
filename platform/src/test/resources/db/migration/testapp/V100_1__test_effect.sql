CREATE TABLE test_effect (
    nomination_id VARCHAR(100) NOT NULL,
    event_id      VARCHAR(100) NOT NULL,
    actor         VARCHAR(100) NOT NULL
);
