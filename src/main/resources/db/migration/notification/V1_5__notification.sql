-- Message texts, editable without code. Placeholders are {name}s filled from the notification's data.
CREATE TABLE message_template (
    kind VARCHAR(40)   NOT NULL PRIMARY KEY,
    text VARCHAR(1000) NOT NULL
);

-- 消息提醒: what a candidate reads at the top of their page, newest first.
CREATE TABLE candidate_message (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    candidate_no VARCHAR(32)   NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    text         VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    read_at      TIMESTAMP
);
CREATE INDEX candidate_message_candidate ON candidate_message (candidate_no, created_at);

INSERT INTO message_template (kind, text) VALUES
 ('SUBMITTED',             '上报完成，内容已锁定（{lockedAt}）。网上审核开始后请留意消息提醒。'),
 ('UPLOAD_REMINDER',       '您的报名审核材料尚未提交，请于{deadline}前上传全部材料并提交审核，逾期未提交者视作审核不通过。'),
 ('UPLOAD_MISSED',         '您未在{deadline}前提交报名审核材料，视作审核不通过，放弃本年度考试。'),
 ('RETURNED',              '您的报名材料被退回：{returns}。请于{deadline}前重新上传并提交审核，逾期未提交者视作审核不通过，放弃本年度考试。'),
 ('RESUBMISSION_REMINDER', '您被退回的材料尚未重新提交，请于{deadline}前补传并提交审核。'),
 ('RESUBMITTED',           '补传材料已提交，内容已锁定（{lockedAt}），请等待审核。'),
 ('RESUBMISSION_MISSED',   '您未在{deadline}前重新提交退回材料，视作审核不通过，放弃本年度考试。'),
 ('SITE_PASSED',           '您已通过考点资格初审，序列号：{serialNumber}。请打印《医师资格考试网上报名成功通知单》。'),
 ('FINAL_PASSED',          '您已通过考区资格终审，审核结果为最终结果。'),
 ('NOT_QUALIFIED_ELIGIBILITY', '根据考区报名资格规定，您不符合报考条件：{reason}'),
 ('NOT_QUALIFIED_SITE',    '经考点资格初审，您不符合报考资格：{reason}'),
 ('NOT_QUALIFIED_OFFLINE', '经考点现场审核，您不符合报考资格：{reason}'),
 ('NOT_QUALIFIED_REGION',  '经考区资格终审，您不符合报考资格：{reason}。考区审核为最终审核，审核结果不予修改。'),
 ('CHECKLIST_EXTENDED',    '您的报名信息已变更，需补充上传以下材料：{materials}。请上传后重新提交审核。'),
 ('CANCELLED',             '您已取消本年度医师资格考试报名，审核已终止。');
