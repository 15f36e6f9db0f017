-- Patrol-case indicators feed the monthly assessment (按期结案率 below target, failed checks).
alter table assessment_score add column case_points decimal(7, 2) default 0 not null;
