-- One row per campaign whose personal data is being or has been deleted (retention.RetentionJob). Inserted when
-- the purge starts; each batch holds the row (SELECT ... FOR UPDATE SKIP LOCKED), deletes one page of candidates
-- and moves last_candidate_no and the counts on; finished_at is stamped when no candidate is left. A purge that
-- stopped half way (crash) has no finished_at and is continued by the next run. Only counts, no personal data.
CREATE TABLE campaign_purge (
    region            VARCHAR(20) NOT NULL,
    exam_year         INTEGER     NOT NULL,
    started_at        TIMESTAMP   NOT NULL,
    finished_at       TIMESTAMP,
    last_candidate_no VARCHAR(32) NOT NULL,  -- keyset position: candidates up to here are done ('' at the start)
    candidates        INTEGER     NOT NULL,
    images            INTEGER     NOT NULL,
    image_views       INTEGER     NOT NULL,
    messages          INTEGER     NOT NULL,
    sms               INTEGER     NOT NULL,  -- sms_outbox rows (their demo_sms copies go with them)
    activation_codes  INTEGER     NOT NULL,
    profiles          INTEGER     NOT NULL,
    accounts          INTEGER     NOT NULL,  -- Camunda user accounts (candidates' logins)
    PRIMARY KEY (region, exam_year)
);
