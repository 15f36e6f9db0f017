-- A circular's number is the town's name (up to 100 characters) and "创卫办通〔year〕n号"; its issuing office is the
-- campaign's name (up to 200) and "工作领导小组办公室"; its default title "关于" + the campaign's name + "逾期任务情况的通报".
-- The columns were narrower than that, so the longest names set-up accepts failed the circular with a 500.
alter table circular alter column number set data type varchar(120);
alter table circular alter column issuing_office set data type varchar(220);
alter table circular alter column title set data type varchar(220);
