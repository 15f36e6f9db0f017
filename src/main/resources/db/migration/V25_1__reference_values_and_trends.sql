-- Issue 16 item 1: new kinds of indicator and the standard's scope.
-- Where a standard's figures are measured (国家卫生乡镇标准 2021: 乡镇建成区).
alter table standard add column scope varchar(200);
-- A reference value the office enters per campaign (comparison GE_REFERENCE, e.g. 全省平均水平) keeps where it is from.
alter table campaign_threshold add column reference_source varchar(200);
-- A three-year trend (comparison NOT_RISING): reading_number is the latest year, these the two before, oldest first.
alter table inspection_reading add column reading_first decimal(12, 3);
alter table inspection_reading add column reading_second decimal(12, 3);
