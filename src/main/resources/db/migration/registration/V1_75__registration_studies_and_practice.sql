-- The optional facts the reviewers compare the documents with (issue 13): where and what the candidate studied,
-- when they graduated, where they did their probation, that institution's licence and the assistant certificate.
ALTER TABLE registration ADD COLUMN school VARCHAR(100);
ALTER TABLE registration ADD COLUMN major VARCHAR(100);
ALTER TABLE registration ADD COLUMN graduated_on DATE;
ALTER TABLE registration ADD COLUMN probation_institution VARCHAR(200);
ALTER TABLE registration ADD COLUMN institution_license_no VARCHAR(64);
ALTER TABLE registration ADD COLUMN assistant_certificate_no VARCHAR(64);
