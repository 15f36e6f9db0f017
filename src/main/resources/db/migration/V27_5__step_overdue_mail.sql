-- An acceptance or 复审 step still open at its due date: its owners are told it is overdue (issue 16 item 5).
insert into mail_template (template_key, locale, subject, body) values
 ('STEP_OVERDUE', 'zh-CN', '【超期提醒】{taskTitle}（{deadline}到期）',
  '{recipientName}：

{campaignName}的“{taskTitle}”已于{deadline}到期，尚未办理，请尽快办理；上级机关已作出结论的，请及时录入其文号和日期。
办理入口：{link}
（本邮件由创卫系统发送）'),
 ('STEP_OVERDUE', 'en', '[Overdue] {taskTitle} was due on {deadline}',
  'Dear {recipientName},

The step "{taskTitle}" of {campaignName} was due on {deadline} and is still open. Please complete it; if the authority has given its decision, record its document number and date.
Open the step: {link}');
