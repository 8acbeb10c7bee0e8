-- A reviewer's note on one material of a decision (e.g. 毕业证编号与学信网一致), read by the next round's reviewers
-- (the region reads the site's); the candidate never reads it.
CREATE TABLE material_note (
    decision_id   VARCHAR(36)  NOT NULL REFERENCES review_decision (id),
    material_code VARCHAR(40)  NOT NULL,
    note          VARCHAR(500) NOT NULL,
    PRIMARY KEY (decision_id, material_code)
);
