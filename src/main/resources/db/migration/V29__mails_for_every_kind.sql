-- The shipped Chinese mails named the sanitary campaign for every campaign (【创卫任务】, 报创卫办, 创卫系统); a
-- 创文 or 创森 campaign's units read them too. They now say 创建: the campaign's own name is in each mail already.
-- Only the shipped wording is replaced; a template an office rewrote keeps its own words.
update mail_template set subject = replace(subject, '【创卫任务】', '【创建任务】') where locale = 'zh-CN';
update mail_template set body = replace(body, '（本邮件由创卫系统发送）', '（本邮件由创建工作系统发送）') where locale = 'zh-CN';
update mail_template set body = replace(body, '并将结果报创卫办。', '并将结果报创建办。') where locale = 'zh-CN';
