-- Every verdict of a site (初审), offline or region (终审) review round.
CREATE TABLE review_decision (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    candidate_no VARCHAR(32)  NOT NULL,
    stage        VARCHAR(10)  NOT NULL,  -- SITE, OFFLINE, REGION
    outcome      VARCHAR(20)  NOT NULL,  -- PASS, RETURN, NOT_QUALIFIED
    reason       VARCHAR(500),
    reviewer     VARCHAR(64)  NOT NULL,
    decided_at   TIMESTAMP    NOT NULL
);
CREATE INDEX review_decision_candidate ON review_decision (candidate_no, decided_at);

-- The materials a RETURN names, each with the reason the candidate reads.
CREATE TABLE material_return (
    decision_id   VARCHAR(36)  NOT NULL REFERENCES review_decision (id),
    material_code VARCHAR(40)  NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    PRIMARY KEY (decision_id, material_code)
);

-- 序列号: unique per region and year; numbers come from a counter row locked by its UPDATE.
CREATE TABLE serial_counter (
    region     VARCHAR(20) NOT NULL,
    exam_year  INTEGER     NOT NULL,
    last_value BIGINT      NOT NULL,
    PRIMARY KEY (region, exam_year)
);

CREATE TABLE serial_number (
    candidate_no  VARCHAR(32) NOT NULL PRIMARY KEY,
    region        VARCHAR(20) NOT NULL,
    exam_year     INTEGER     NOT NULL,
    serial        VARCHAR(20) NOT NULL UNIQUE,
    assigned_at   TIMESTAMP   NOT NULL
);

INSERT INTO serial_counter (region, exam_year, last_value) SELECT region, exam_year, 0 FROM campaign;
