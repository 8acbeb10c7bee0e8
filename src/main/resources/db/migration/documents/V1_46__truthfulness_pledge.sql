-- 真实性承诺 (Hunan 2021: "还需在系统内对上传资料的真实性进行承诺"). Whether a campaign asks for it is a setting of the
-- campaign (GET/PUT /api/admin/campaigns/{region}/{year}/pledge; a new campaign takes its region's latest setting);
-- the text the candidate confirms is one row per region, changed here like every other text.
CREATE TABLE campaign_pledge (
    region    VARCHAR(20) NOT NULL,
    exam_year INTEGER     NOT NULL,
    required  BOOLEAN     NOT NULL,
    PRIMARY KEY (region, exam_year)
);

INSERT INTO campaign_pledge (region, exam_year, required)
SELECT region, exam_year, CASE WHEN region = 'HUNAN' THEN TRUE ELSE FALSE END FROM campaign;

CREATE TABLE pledge_text (
    region VARCHAR(20)   NOT NULL PRIMARY KEY,
    text   VARCHAR(2000) NOT NULL
);

INSERT INTO pledge_text (region, text) VALUES
 ('HUNAN',    '本人郑重承诺：本人在医师资格考试报名资格线上审核系统中上传的全部报名资料均真实、准确、完整、有效，图片由原件拍摄且清晰可辨，不存在伪造、变造或冒用他人材料的情形。如有虚假，本人愿承担由此产生的一切后果，并接受按照《医师资格考试违纪违规规定》作出的处理。'),
 ('LIAONING', '本人郑重承诺：本人在医师资格考试报名资格线上审核系统中上传的全部报名资料均真实、准确、完整、有效，图片由原件拍摄且清晰可辨，不存在伪造、变造或冒用他人材料的情形。如有虚假，本人愿承担由此产生的一切后果，并接受按照《医师资格考试违纪违规规定》作出的处理。'),
 ('SHANDONG', '本人郑重承诺：本人在医师资格考试报名资格线上审核系统中上传的全部报名资料均真实、准确、完整、有效，图片由原件拍摄且清晰可辨，不存在伪造、变造或冒用他人材料的情形。如有虚假，本人愿承担由此产生的一切后果，并接受按照《医师资格考试违纪违规规定》作出的处理。'),
 ('SICHUAN',  '本人郑重承诺：本人在医师资格考试报名资格线上审核系统中上传的全部报名资料均真实、准确、完整、有效，图片由原件拍摄且清晰可辨，不存在伪造、变造或冒用他人材料的情形。如有虚假，本人愿承担由此产生的一切后果，并接受按照《医师资格考试违纪违规规定》作出的处理。');

-- The candidate's latest pledge with the text they confirmed. A pledge covers one submission round: it counts for a
-- submission when it was given after that round's upload task opened (a returned candidate pledges again for the
-- materials they upload anew). Kept with the review record (decision 0003): a time and a text, no personal data.
CREATE TABLE truthfulness_pledge (
    candidate_no VARCHAR(32)   NOT NULL PRIMARY KEY,
    pledged_at   TIMESTAMP     NOT NULL,
    pledge_text  VARCHAR(2000) NOT NULL
);
