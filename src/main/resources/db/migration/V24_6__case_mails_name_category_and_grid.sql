-- Mails about a case name its category and grid in words (issue 15, item 6); templates the office has reworded stay.
update mail_template set body = '{recipientName}：

{unitName}承办的{caseNumber}（{categoryName}，{gridName}，{address}，办理时限{deadline}）{situation}，现予以{levelName}。
问题描述：{description}
{interviewNote}
请承办单位立即处置，并将结果报创卫办。办理入口：{link}'
where template_key = 'CASE_ESCALATION' and locale = 'zh-CN' and updated_by is null;

update mail_template set body = 'Dear {recipientName},

Case {caseNumber} of {unitName} ({categoryName}, {gridName}, {address}, due {deadline}) {situation}; it is escalated: {levelName}.
Problem: {description}
{interviewNote}
Tasklist: {link}'
where template_key = 'CASE_ESCALATION' and locale = 'en' and updated_by is null;

update mail_template set body = '{recipientName}：

您于{reportedOn}反映的{categoryName}问题“{description}”（{address}）已由{unitName}办结。
办理结果：{result}
如对办理结果不满意，请致电热线，我们将重新办理一次。'
where template_key = 'CASE_RESULT' and locale = 'zh-CN' and updated_by is null;

update mail_template set body = 'Dear {recipientName},

The problem you reported on {reportedOn} ({categoryName}: "{description}", {address}) has been handled by {unitName}.
Result: {result}
If you are not satisfied, call the hotline and it will be handled once more.'
where template_key = 'CASE_RESULT' and locale = 'en' and updated_by is null;
