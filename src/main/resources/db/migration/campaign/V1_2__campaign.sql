CREATE TABLE exam_region (
    code          VARCHAR(20) NOT NULL PRIMARY KEY,
    name          VARCHAR(50) NOT NULL,
    division_code CHAR(2)     NOT NULL  -- GB/T 2260 province code, the first digits of serial numbers
);

-- One review campaign per region and exam year. Dates are calendar days in qr.time-zone:
-- an opening date starts at 00:00, a deadline ends at 24:00 of its day.
CREATE TABLE campaign (
    region                VARCHAR(20) NOT NULL REFERENCES exam_region (code),
    exam_year             INTEGER     NOT NULL,
    upload_opens          DATE        NOT NULL,
    upload_closes         DATE        NOT NULL,
    reminder_lead         VARCHAR(20) NOT NULL,  -- ISO-8601 duration before a deadline, e.g. P3D
    review_opens          DATE        NOT NULL,
    resubmission_deadline DATE,                  -- a fixed last day for returned candidates, or
    resubmission_period   VARCHAR(20),           -- an ISO-8601 period counted from the return
    final_review_ends     DATE        NOT NULL,
    updated_at            TIMESTAMP   NOT NULL,
    PRIMARY KEY (region, exam_year),
    CHECK (resubmission_deadline IS NOT NULL OR resubmission_period IS NOT NULL)
);

INSERT INTO exam_region (code, name, division_code) VALUES
 ('HUNAN',    '湖南考区', '43'),
 ('LIAONING', '辽宁考区', '21'),
 ('SHANDONG', '山东考区', '37'),
 ('SICHUAN',  '四川考区', '51');

-- Shandong 2026 dates are those of its notice (review opens 2026-02-27, returned materials by 2026-03-12).
-- The other notices give no dates: those rows are the offices' working assumptions, to be set through
-- PUT /api/admin/campaigns/{region}/{year}. The 2027 rows are next season's plan.
INSERT INTO campaign (region, exam_year, upload_opens, upload_closes, reminder_lead, review_opens,
                      resubmission_deadline, resubmission_period, final_review_ends, updated_at) VALUES
 ('HUNAN',    2021, DATE '2021-01-05', DATE '2021-01-25', 'P3D', DATE '2021-01-26', NULL, 'P7D', DATE '2021-03-31', CURRENT_TIMESTAMP),
 ('SICHUAN',  2022, DATE '2022-01-10', DATE '2022-01-28', 'P3D', DATE '2022-02-14', DATE '2022-03-04', NULL, DATE '2022-03-31', CURRENT_TIMESTAMP),
 ('LIAONING', 2025, DATE '2025-01-06', DATE '2025-01-24', 'P3D', DATE '2025-02-17', DATE '2025-03-07', NULL, DATE '2025-03-31', CURRENT_TIMESTAMP),
 ('SHANDONG', 2026, DATE '2026-01-08', DATE '2026-02-10', 'P3D', DATE '2026-02-27', DATE '2026-03-12', NULL, DATE '2026-03-31', CURRENT_TIMESTAMP),
 ('HUNAN',    2027, DATE '2027-01-05', DATE '2027-01-25', 'P3D', DATE '2027-01-26', NULL, 'P7D', DATE '2027-03-31', CURRENT_TIMESTAMP),
 ('LIAONING', 2027, DATE '2027-01-06', DATE '2027-01-24', 'P3D', DATE '2027-02-17', DATE '2027-03-07', NULL, DATE '2027-03-31', CURRENT_TIMESTAMP),
 ('SHANDONG', 2027, DATE '2027-01-08', DATE '2027-02-10', 'P3D', DATE '2027-02-27', DATE '2027-03-12', NULL, DATE '2027-03-31', CURRENT_TIMESTAMP),
 ('SICHUAN',  2027, DATE '2027-01-10', DATE '2027-01-28', 'P3D', DATE '2027-02-14', DATE '2027-03-04', NULL, DATE '2027-03-31', CURRENT_TIMESTAMP);
