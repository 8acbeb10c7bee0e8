-- Every attempt to hand an SMS to the provider, written and committed BEFORE the provider is called and given its
-- outcome in a transaction of its own right after. An attempt left without an outcome is one whose node died (or
-- lost its database) while the provider may already have taken the message; an attempt whose outcome is UNKNOWN
-- timed out or lost its connection after the request went out. Before a message with such an attempt is sent
-- again, the provider is asked whether it has it (Aliyun QuerySendDetails, matching OutId = sms_outbox.id):
-- notification.DeliverSmsDelegate, docs/decisions/0006-sms-once-and-job-locks.md.
CREATE TABLE sms_attempt (
    outbox_id   VARCHAR(36)  NOT NULL REFERENCES sms_outbox (id),
    attempt     INTEGER      NOT NULL,  -- 1, 2, … per message
    node        VARCHAR(100) NOT NULL,  -- qr.node-name of the node that made it
    started_at  TIMESTAMP    NOT NULL,
    -- NULL: started, no outcome recorded (in flight, or the node died); ACCEPTED: the provider took it;
    -- REFUSED: the provider answered that it did not take it; UNREACHED: no connection, nothing went out;
    -- UNKNOWN: timed out or cut off after the request went out; then, once the provider was asked about an
    -- attempt without outcome or UNKNOWN: FOUND (it has the message) or NOT_FOUND (it has not: sent again)
    outcome     VARCHAR(10),
    provider_id VARCHAR(100),
    detail      VARCHAR(500),
    ended_at    TIMESTAMP,
    PRIMARY KEY (outbox_id, attempt)
);
