-- Working-day calendar: the days that differ from the Monday-to-Friday week.
-- HOLIDAY: a statutory holiday (法定节假日) or a day off of its arrangement; WORKDAY: a make-up working day (调休上班).
-- The campaign office maintains it through PUT /api/calendar/{year}.
create table work_calendar_day (
    cal_day     date        primary key,
    kind        varchar(10) not null,
    name        varchar(50) not null,
    provisional boolean     not null default false
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知.
insert into work_calendar_day (cal_day, kind, name, provisional) values
 ('2026-01-01', 'HOLIDAY', '元旦', false), ('2026-01-02', 'HOLIDAY', '元旦', false), ('2026-01-03', 'HOLIDAY', '元旦', false),
 ('2026-01-04', 'WORKDAY', '元旦调休上班', false),
 ('2026-02-14', 'WORKDAY', '春节调休上班', false),
 ('2026-02-15', 'HOLIDAY', '春节', false), ('2026-02-16', 'HOLIDAY', '春节', false), ('2026-02-17', 'HOLIDAY', '春节', false),
 ('2026-02-18', 'HOLIDAY', '春节', false), ('2026-02-19', 'HOLIDAY', '春节', false), ('2026-02-20', 'HOLIDAY', '春节', false),
 ('2026-02-21', 'HOLIDAY', '春节', false), ('2026-02-22', 'HOLIDAY', '春节', false), ('2026-02-23', 'HOLIDAY', '春节', false),
 ('2026-02-28', 'WORKDAY', '春节调休上班', false),
 ('2026-04-04', 'HOLIDAY', '清明节', false), ('2026-04-05', 'HOLIDAY', '清明节', false), ('2026-04-06', 'HOLIDAY', '清明节', false),
 ('2026-05-01', 'HOLIDAY', '劳动节', false), ('2026-05-02', 'HOLIDAY', '劳动节', false), ('2026-05-03', 'HOLIDAY', '劳动节', false),
 ('2026-05-04', 'HOLIDAY', '劳动节', false), ('2026-05-05', 'HOLIDAY', '劳动节', false),
 ('2026-05-09', 'WORKDAY', '劳动节调休上班', false),
 ('2026-06-19', 'HOLIDAY', '端午节', false), ('2026-06-20', 'HOLIDAY', '端午节', false), ('2026-06-21', 'HOLIDAY', '端午节', false),
 ('2026-09-20', 'WORKDAY', '国庆节调休上班', false),
 ('2026-09-25', 'HOLIDAY', '中秋节', false), ('2026-09-26', 'HOLIDAY', '中秋节', false), ('2026-09-27', 'HOLIDAY', '中秋节', false),
 ('2026-10-01', 'HOLIDAY', '国庆节', false), ('2026-10-02', 'HOLIDAY', '国庆节', false), ('2026-10-03', 'HOLIDAY', '国庆节', false),
 ('2026-10-04', 'HOLIDAY', '国庆节', false), ('2026-10-05', 'HOLIDAY', '国庆节', false), ('2026-10-06', 'HOLIDAY', '国庆节', false),
 ('2026-10-07', 'HOLIDAY', '国庆节', false),
 ('2026-10-10', 'WORKDAY', '国庆节调休上班', false);

-- 2027: the statutory days of 《全国年节及纪念日放假办法》 only, provisional until the State Council's notice on the
-- 2027 arrangement (with its make-up working days) is entered by the office.
insert into work_calendar_day (cal_day, kind, name, provisional) values
 ('2027-01-01', 'HOLIDAY', '元旦', true),
 ('2027-02-05', 'HOLIDAY', '春节（除夕）', true), ('2027-02-06', 'HOLIDAY', '春节', true), ('2027-02-07', 'HOLIDAY', '春节', true),
 ('2027-02-08', 'HOLIDAY', '春节', true),
 ('2027-04-05', 'HOLIDAY', '清明节', true),
 ('2027-05-01', 'HOLIDAY', '劳动节', true), ('2027-05-02', 'HOLIDAY', '劳动节', true),
 ('2027-06-09', 'HOLIDAY', '端午节', true),
 ('2027-09-15', 'HOLIDAY', '中秋节', true),
 ('2027-10-01', 'HOLIDAY', '国庆节', true), ('2027-10-02', 'HOLIDAY', '国庆节', true), ('2027-10-03', 'HOLIDAY', '国庆节', true);
