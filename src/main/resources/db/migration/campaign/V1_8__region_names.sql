-- exam_region.name is the region as its reviewers call it (山东); texts add 考区 where they need it
-- (考区待终审（山东）, 山东考区审核人员).
UPDATE exam_region SET name = '湖南' WHERE code = 'HUNAN';
UPDATE exam_region SET name = '辽宁' WHERE code = 'LIAONING';
UPDATE exam_region SET name = '山东' WHERE code = 'SHANDONG';
UPDATE exam_region SET name = '四川' WHERE code = 'SICHUAN';
