-- Where each entry of a standard comes from (document number, date, clause) and how far it is verified
-- (PUBLISHED, INDICATOR_ONLY, LOCAL_PRACTICE, RECONSTRUCTED): see standard/Provenance.
alter table standard add column source_document varchar(100);
alter table standard add column source_date date;
alter table standard add column source_clause varchar(200);
alter table standard add column source_status varchar(20);
alter table standard add column source_note varchar(500);

alter table standard_area add column source_document varchar(100);
alter table standard_area add column source_date date;
alter table standard_area add column source_clause varchar(200);
alter table standard_area add column source_status varchar(20);
alter table standard_area add column source_note varchar(500);

alter table standard_item add column source_document varchar(100);
alter table standard_item add column source_date date;
alter table standard_item add column source_clause varchar(200);
alter table standard_item add column source_status varchar(20);
alter table standard_item add column source_note varchar(500);

alter table standard_indicator add column source_document varchar(100);
alter table standard_indicator add column source_date date;
alter table standard_indicator add column source_clause varchar(200);
alter table standard_indicator add column source_status varchar(20);
alter table standard_indicator add column source_note varchar(500);
