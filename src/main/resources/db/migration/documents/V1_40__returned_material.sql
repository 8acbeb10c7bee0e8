-- The materials the latest review returned and the images they had then (by content): a returned material is
-- resubmitted only with at least one image that was not among them. Replaced at every return.
CREATE TABLE returned_material (
    candidate_no  VARCHAR(32) NOT NULL,
    material_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (candidate_no, material_code)
);

CREATE TABLE returned_image (
    candidate_no  VARCHAR(32) NOT NULL,
    material_code VARCHAR(40) NOT NULL,
    sha256        CHAR(64)    NOT NULL,
    PRIMARY KEY (candidate_no, material_code, sha256)
);
