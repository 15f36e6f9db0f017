-- A standard loaded again with changed content, while some campaign follows it, becomes a new version: the first
-- version keeps the file's code (the family), later ones are coded <family>.v<n> (a file's code never has a dot).
-- A campaign refers to the version it started with; a new campaign takes its family's latest (standard/StandardVersions).
alter table standard add column family varchar(40);
alter table standard add column version int;
update standard set family = code, version = 1;
alter table standard alter column family set not null;
alter table standard alter column version set not null;
alter table standard add constraint standard_family_version unique (family, version);

alter table standard alter column code set data type varchar(50);
alter table standard_area alter column standard_code set data type varchar(50);
alter table standard_item alter column standard_code set data type varchar(50);
alter table standard_indicator alter column standard_code set data type varchar(50);
alter table campaign alter column standard_code set data type varchar(50);
