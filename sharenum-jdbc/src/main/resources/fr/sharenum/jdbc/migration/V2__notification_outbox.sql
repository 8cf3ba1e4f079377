-- The transactional outbox: notifications recorded with the state change that caused them,
-- delivered after the commit, retried with backoff, kept as dead letters when they never go.
CREATE TABLE sn_outbox (
    id              VARCHAR(512) PRIMARY KEY,
    status          VARCHAR(8)   NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    created_at      BIGINT       NOT NULL,
    version         BIGINT       NOT NULL,
    doc             TEXT         NOT NULL
);
CREATE INDEX sn_outbox_due ON sn_outbox (status, next_attempt_at);
