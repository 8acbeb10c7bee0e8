-- Material images. Bytes live here, never in engine variables. locked_at is set on submission and cleared
-- only for materials a reviewer returns.
CREATE TABLE material_image (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    candidate_no  VARCHAR(32) NOT NULL,
    material_code VARCHAR(40) NOT NULL,
    content_type  VARCHAR(50) NOT NULL,
    size_bytes    INTEGER     NOT NULL,
    sha256        CHAR(64)    NOT NULL,
    content       BYTEA       NOT NULL,
    uploaded_at   TIMESTAMP   NOT NULL,
    locked_at     TIMESTAMP,
    UNIQUE (candidate_no, material_code, sha256)
);

CREATE INDEX material_image_candidate ON material_image (candidate_no, material_code);
