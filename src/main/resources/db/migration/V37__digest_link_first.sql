-- The daily digest names the way in before its lines: a channel with a length limit (WeCom's 2,048 bytes for a text
-- message) cuts whole lines from the end, so the count and the link always arrive and the reader knows what was left out.
update mail_template set body = '{recipientName}：

您今日有 {count} 项提醒与督办，请按期办理。办理入口：{link}

{lines}

（本消息为每日汇总；如需逐条即时提醒，请在“我的消息设置”中更改。）'
where template_key = 'DIGEST' and locale = 'zh-CN' and updated_by is null;
update mail_template set body = 'Dear {recipientName},

Reminders and escalations for you today: {count}. Open your work: {link}

{lines}

(This is your daily digest; to get each reminder at once, change it in your message settings.)'
where template_key = 'DIGEST' and locale = 'en' and updated_by is null;
