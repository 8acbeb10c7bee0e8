-- The 网上报名成功通知单 a candidate printed: its verification code (16 characters of Crockford's base 32, 80 random
-- bits from SecureRandom), shown as text and QR code on the notice and looked up by the public GET /verify/{code}.
-- One per candidate, made the first time the notice is printed after the site review passed; every later print
-- carries the same code, so every printed copy stays checkable.
CREATE TABLE registration_notice (
    candidate_no VARCHAR(32) NOT NULL PRIMARY KEY,
    verify_code  CHAR(16)    NOT NULL,
    serial       VARCHAR(20) NOT NULL,
    issued_at    TIMESTAMP   NOT NULL,
    CONSTRAINT registration_notice_code UNIQUE (verify_code)
);
