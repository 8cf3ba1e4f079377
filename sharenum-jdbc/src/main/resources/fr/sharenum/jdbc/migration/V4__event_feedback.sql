-- Participants' feedback on events (usefulness 1-5 and a comment for the organisers).
CREATE TABLE sn_feedback (
    event        VARCHAR(128) NOT NULL,
    member       VARCHAR(128) NOT NULL,
    at           BIGINT       NOT NULL,
    doc          TEXT         NOT NULL,
    PRIMARY KEY (event, member)
);
