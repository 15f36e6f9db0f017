-- One ladder record for unit tasks and patrol cases alike: a step belongs to a task row or to a case (exactly one),
-- once per subject and level. The cases' steps move over from case_escalation, which goes.
alter table escalation_step alter column task_row_id drop not null;
alter table escalation_step add column case_id bigint references patrol_case (id);
alter table escalation_step add constraint uq_escalation_case unique (case_id, level);
alter table escalation_step add constraint ck_escalation_subject check ((task_row_id is null) <> (case_id is null));

insert into escalation_step (campaign_id, case_id, unit_code, level, level_rank, working_days_overdue, reached_at)
select p.campaign_id, e.case_id, coalesce(p.unit_code, ''), e.level, e.level_rank, e.working_days_overdue, e.reached_at
from case_escalation e join patrol_case p on p.id = e.case_id;

drop table case_escalation;

-- The mail the ladder sends about a case, as it does about a task (the office may reword it).
insert into mail_template (template_key, locale, subject, body) values
 ('CASE_ESCALATION', 'zh-CN', '【督查督办·{levelName}】{unitName}：{caseNumber}',
  '{recipientName}：

{unitName}承办的{caseNumber}（{address}，办理时限{deadline}）{situation}，现予以{levelName}。
问题描述：{description}
{interviewNote}
请承办单位立即处置，并将结果报创卫办。办理入口：{link}'),
 ('CASE_ESCALATION', 'en', '[Supervision: {levelName}] {unitName}: case {caseNumber}',
  'Dear {recipientName},

Case {caseNumber} of {unitName} ({address}, due {deadline}) {situation}; it is escalated: {levelName}.
Problem: {description}
{interviewNote}
Tasklist: {link}');
