-- The registration as the registration system sent it (one row per candidate number; the case's business key).
CREATE TABLE registration (
    candidate_no                  VARCHAR(32)  NOT NULL PRIMARY KEY,
    name                          VARCHAR(100) NOT NULL,
    id_type                       VARCHAR(20)  NOT NULL,
    id_number                     VARCHAR(40)  NOT NULL,
    phone                         VARCHAR(20)  NOT NULL,
    region                        VARCHAR(20)  NOT NULL,
    exam_site                     VARCHAR(40)  NOT NULL,
    exam_year                     INTEGER      NOT NULL,
    exam_level                    VARCHAR(20)  NOT NULL,
    category                      VARCHAR(20)  NOT NULL,
    education                     VARCHAR(20)  NOT NULL,
    graduate_status               VARCHAR(30)  NOT NULL,
    upgraded_bachelor_entered_on  DATE,
    graduate_enrolled_on          DATE,
    holds_assistant_qualification BOOLEAN      NOT NULL,
    assistant_registered_on       DATE,
    institution_tier              VARCHAR(30)  NOT NULL,
    probation_institutions        INTEGER      NOT NULL,
    foreign_degree                BOOLEAN      NOT NULL,
    nationality                   VARCHAR(10)  NOT NULL,
    previous_hunan_registration   BOOLEAN      NOT NULL,
    short_track                   BOOLEAN      NOT NULL,
    graduating_this_year          BOOLEAN      NOT NULL,
    military_status               VARCHAR(10)  NOT NULL,
    school_in_region              BOOLEAN      NOT NULL,
    process_instance_id           VARCHAR(64),
    registered_at                 TIMESTAMP    NOT NULL,
    updated_at                    TIMESTAMP    NOT NULL,
    cancelled_at                  TIMESTAMP
);

CREATE INDEX registration_campaign ON registration (region, exam_year);
CREATE INDEX registration_exam_site ON registration (exam_site);
