-- An Idempotency-Key is now claimed and answered in the request's own transaction: a row is committed only with its
-- response, never "in progress". Rows left without a status by the former scheme are removed (their requests may run
-- again); the response's Location is replayed too.
DELETE FROM idempotent_request WHERE status IS NULL;
ALTER TABLE idempotent_request ADD COLUMN location VARCHAR(2000);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
