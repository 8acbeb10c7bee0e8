-- 报名暨授予医师资格申请表: the day the site received a candidate's signed paper form, and who recorded it.
CREATE TABLE paper_form_receipt (
    candidate_no VARCHAR(32) NOT NULL PRIMARY KEY,
    received_on  DATE        NOT NULL,
    recorded_by  VARCHAR(64) NOT NULL,
    recorded_at  TIMESTAMP   NOT NULL
);
