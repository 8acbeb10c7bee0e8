INSERT INTO message_template (kind, text) VALUES
 ('ON_SITE_REVIEW',         '考点需对您进行现场审核：{reason}。请于{deadline}前携带有效身份证件及报名材料原件到考点现场审核，逾期未到者视作审核不通过，放弃本年度考试。'),
 ('ON_SITE_MISSED',         '您未在{deadline}前到考点现场审核，视作审核不通过，放弃本年度考试。'),
 ('NOT_QUALIFIED_ON_SITE',  '经考点现场审核，您不符合报考资格：{reason}'),
 ('MOVED_TO_PAPER_REVIEW',  '您的报名信息已变更，资格审核改为线下审核：无需上传报名材料，请按考点通知提交纸质材料。'),
 ('MOVED_TO_ONLINE_UPLOAD', '您的报名信息已变更，资格审核改为网上审核：请于{deadline}前上传全部必传材料并提交审核。');
UPDATE message_template SET text = '经考点线下审核，您不符合报考资格：{reason}' WHERE kind = 'NOT_QUALIFIED_OFFLINE';
