-- How a region reviews in a year, beside its dates (seed 002, 辽宁):
-- online_upload          "该页面是否有上传相关材料按钮出现，由考区进行配置": off sends every case to the site's paper review
-- on_site_review_period  the time a candidate sent to 现场审核 has to come to the site, counted from that decision
-- paper_application_form 报名暨授予医师资格申请表 handed in at the site: NOT_COLLECTED, RECORDED (the site records its
--                        receipt), or REQUIRED_FOR_FINAL_PASS (and the region's final pass needs it)
ALTER TABLE campaign ADD COLUMN online_upload BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE campaign ADD COLUMN on_site_review_period VARCHAR(20) DEFAULT 'P7D' NOT NULL;
ALTER TABLE campaign ADD COLUMN paper_application_form VARCHAR(30) DEFAULT 'NOT_COLLECTED' NOT NULL;

UPDATE campaign SET paper_application_form = 'RECORDED' WHERE region = 'LIAONING';
