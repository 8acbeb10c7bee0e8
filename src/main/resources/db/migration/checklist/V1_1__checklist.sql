-- Material catalogue: codes are what the DMN tables emit, names are what candidates and reviewers read.
CREATE TABLE material_type (
    code       VARCHAR(40)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    sort_order INTEGER      NOT NULL
);

-- A candidate's checklist as last decided. Materials no longer required stay (active = false) with their images.
CREATE TABLE checklist_item (
    candidate_no  VARCHAR(32) NOT NULL,
    material_code VARCHAR(40) NOT NULL REFERENCES material_type (code),
    required      BOOLEAN     NOT NULL,
    max_images    INTEGER     NOT NULL,
    active        BOOLEAN     NOT NULL,
    decided_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (candidate_no, material_code)
);

INSERT INTO material_type (code, name, sort_order) VALUES
 ('ID_PROOF',                      '有效身份证明',                                         10),
 ('PHOTO',                         '证件照',                                               20),
 ('REGISTRATION_NOTICE',           '医师资格考试网上报名成功通知单',                       30),
 ('DIPLOMA',                       '毕业证书',                                             40),
 ('JUNIOR_COLLEGE_DIPLOMA',        '专科毕业证书',                                         50),
 ('BACHELOR_DIPLOMA',              '本科毕业证书',                                         60),
 ('DEGREE_CERT',                   '学位证',                                               70),
 ('STUDENT_ID',                    '学生证',                                               80),
 ('CLINICAL_TRAINING_PROOF',       '临床实践训练经历满一年证明及个人承诺书',               90),
 ('SECONDARY_DEGREE_VERIFICATION', '中专学历认证报告',                                    100),
 ('FOREIGN_DEGREE_VERIFICATION',   '教育部留学服务中心学历认证报告',                      110),
 ('PROBATION_CERT',                '《试用期考核合格证明》',                              120),
 ('PRACTICE_PERIOD_CERT',          '《执业助理医师报考执业医师执业期考核证明》',          130),
 ('INSTITUTION_LICENSE',           '《医疗机构执业许可证》副本或备案证',                  140),
 ('ASSISTANT_QUALIFICATION',       '《执业助理医师资格证书》',                            150),
 ('ASSISTANT_PRACTICE',            '《执业助理医师执业证书》',                            160),
 ('MENTORSHIP_CERT',               '师承和确有专长人员证书',                              170),
 ('MENTOR_CERTIFICATES',           '带教老师资格证书、执业证书复印件',                    180),
 ('PREVIOUS_EXAM_PROOF',           '往年准考证或成绩单',                                  190),
 ('GRADUATE_COMMITMENT',           '应届医学专业毕业生医师资格考试报考承诺书',            200),
 ('SHORT_TRACK_FORM',              '《医师资格考试短线医学加试考试考生报名资格申请审核表》', 210),
 ('FOREIGNER_INTERNSHIP_FORM',     '《参加中国医师资格考试实习申请审核表》',              220),
 ('HMT_INTERNSHIP_FORM',           '《台湾、香港、澳门居民参加国家医师资格考试实习申请审核表》', 230);

-- The eligibility part of the latest decision.
CREATE TABLE checklist_decision (
    candidate_no      VARCHAR(32)  NOT NULL PRIMARY KEY,
    region            VARCHAR(20)  NOT NULL,
    eligible          BOOLEAN      NOT NULL,
    ineligible_reason VARCHAR(500),
    offline_review    BOOLEAN      NOT NULL,
    decided_at        TIMESTAMP    NOT NULL
);
