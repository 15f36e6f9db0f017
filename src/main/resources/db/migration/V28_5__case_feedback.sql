-- 处理反馈 as a step of its own (issue 16, item 6): after 处置 the unit reports back what was done and the result, with
-- the after-photo, before the site check. The case keeps the latest feedback, who gave it and when, and the feedback
-- stage's deadline; each feedback is also a step of the case's history (case_event FED_BACK, its text the note).
alter table patrol_case add column feedback_result varchar(2000);
alter table patrol_case add column fed_back_at timestamp;
alter table patrol_case add column fed_back_by varchar(64);
alter table patrol_case add column feedback_due timestamp;
