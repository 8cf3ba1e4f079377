-- Alerts sent (weekly caps, fair rotation, cool-downs) and members' alert preferences.
CREATE TABLE sn_alert (
    helper       VARCHAR(128) NOT NULL,
    requester    VARCHAR(128) NOT NULL,
    tool         VARCHAR(64)  NOT NULL,
    ticket       VARCHAR(128) NOT NULL,
    at           BIGINT       NOT NULL
);
CREATE INDEX sn_alert_helper ON sn_alert (helper, at);
CREATE INDEX sn_alert_requester ON sn_alert (requester, tool, at);

CREATE TABLE sn_alert_preferences (
    member       VARCHAR(128) PRIMARY KEY,
    doc          TEXT         NOT NULL
);
