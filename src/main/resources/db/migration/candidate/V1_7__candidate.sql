-- One-time activation codes (激活用户): only a hash is kept; a code expires, and dies after too many wrong tries.
CREATE TABLE activation_code (
    candidate_no VARCHAR(32) NOT NULL PRIMARY KEY,
    code_hash    CHAR(64)    NOT NULL,
    expires_at   TIMESTAMP   NOT NULL,
    failed_tries INTEGER     NOT NULL,
    sent_at      TIMESTAMP   NOT NULL,
    sent_today   INTEGER     NOT NULL,   -- codes sent on the day of sent_at, for the daily limit
    used_at      TIMESTAMP
);

-- 完善个人信息: contact data the candidate keeps up to date; the registration's own data stays as registered.
CREATE TABLE candidate_profile (
    candidate_no    VARCHAR(32)  NOT NULL PRIMARY KEY,
    phone           VARCHAR(20)  NOT NULL,
    contact_address VARCHAR(300),
    updated_at      TIMESTAMP    NOT NULL
);
