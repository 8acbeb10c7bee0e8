-- A reviewer's reason may end with its own mark or none: the template ends the sentence, and the rendering drops the
-- reason's own mark before it (notification.Notifier.render), so a message never ends unpunctuated or reads "！。".
UPDATE message_template SET text = '根据考区报名资格规定，您不符合报考条件：{reason}。' WHERE kind = 'NOT_QUALIFIED_ELIGIBILITY';
UPDATE message_template SET text = '经考点资格初审，您不符合报考资格：{reason}。' WHERE kind = 'NOT_QUALIFIED_SITE';
UPDATE message_template SET text = '经考点现场审核，您不符合报考资格：{reason}。' WHERE kind = 'NOT_QUALIFIED_OFFLINE';
