-- Case categories as 部件 (components: facilities on the street) and 事件 (events: conduct and conditions) in big and
-- small classes, after the division of GB/T 30428.2 (issue 16, item 6). The standard's own class codes were not checked
-- here: the codes below are ours (P = 部件, E = 事件, two digits a big class, two more a small class), and each row says
-- so in `provenance`: RECONSTRUCTION (a class named after the standard's division, our code) or LOCAL_PRACTICE (a class
-- that sanitary-town work needs and the standard's division does not name). The 13 categories cases already use keep
-- their keys: each becomes a small class of a big class, so existing cases need no change.
create table case_class (
    code       varchar(10) primary key,
    kind       varchar(10) not null,
    seq        int         not null,
    name_zh    varchar(50) not null,
    name_en    varchar(80) not null,
    provenance varchar(20) not null
);

insert into case_class (code, kind, seq, name_zh, name_en, provenance) values
 ('P01', 'PART', 1, '公用设施', 'Public utilities', 'RECONSTRUCTION'),
 ('P02', 'PART', 2, '道路交通', 'Roads and traffic', 'RECONSTRUCTION'),
 ('P03', 'PART', 3, '市容环境', 'Street sanitation facilities', 'RECONSTRUCTION'),
 ('P04', 'PART', 4, '园林绿化', 'Greenery', 'RECONSTRUCTION'),
 ('P05', 'PART', 5, '房屋土地', 'Buildings and land', 'RECONSTRUCTION'),
 ('P06', 'PART', 6, '其他设施', 'Other facilities', 'RECONSTRUCTION'),
 ('E01', 'EVENT', 7, '市容环境', 'Cleanliness and environment', 'RECONSTRUCTION'),
 ('E02', 'EVENT', 8, '宣传广告', 'Advertising and notices', 'RECONSTRUCTION'),
 ('E03', 'EVENT', 9, '施工管理', 'Building works', 'RECONSTRUCTION'),
 ('E04', 'EVENT', 10, '突发事件', 'Emergencies', 'RECONSTRUCTION'),
 ('E05', 'EVENT', 11, '街面秩序', 'Street order', 'RECONSTRUCTION'),
 ('E06', 'EVENT', 12, '其他事件', 'Other events', 'RECONSTRUCTION');

alter table case_category add column class_code varchar(10);
alter table case_category add column class_no varchar(10);
alter table case_category add column provenance varchar(20);

update case_category set class_code = 'E01', class_no = 'E0101', seq = 20, provenance = 'RECONSTRUCTION' where code = 'STREET_CLEANLINESS';
update case_category set class_code = 'E01', class_no = 'E0102', seq = 21, provenance = 'RECONSTRUCTION' where code = 'GARBAGE';
update case_category set class_code = 'E01', class_no = 'E0103', seq = 22, provenance = 'RECONSTRUCTION' where code = 'WATER';
update case_category set class_code = 'E02', class_no = 'E0201', seq = 30, provenance = 'RECONSTRUCTION' where code = 'ILLEGAL_ADS';
update case_category set class_code = 'E03', class_no = 'E0301', seq = 40, provenance = 'RECONSTRUCTION' where code = 'ILLEGAL_BUILDING';
update case_category set class_code = 'E05', class_no = 'E0501', seq = 50, provenance = 'RECONSTRUCTION' where code = 'CLUTTER';
update case_category set class_code = 'E05', class_no = 'E0502', seq = 51, provenance = 'RECONSTRUCTION' where code = 'STREET_VENDING';
update case_category set class_code = 'E05', class_no = 'E0503', seq = 52, provenance = 'LOCAL_PRACTICE' where code = 'SHOP_FRONT';
update case_category set class_code = 'E06', class_no = 'E0601', seq = 60, provenance = 'LOCAL_PRACTICE' where code = 'MARKET';
update case_category set class_code = 'E06', class_no = 'E0602', seq = 61, provenance = 'LOCAL_PRACTICE' where code = 'FOOD_BUSINESS';
update case_category set class_code = 'E06', class_no = 'E0603', seq = 62, provenance = 'LOCAL_PRACTICE' where code = 'VECTOR_BREEDING';
update case_category set class_code = 'E06', class_no = 'E0699', seq = 69, provenance = 'LOCAL_PRACTICE' where code = 'OTHER';
update case_category set class_code = 'P03', class_no = 'P0301', seq = 12, provenance = 'RECONSTRUCTION' where code = 'TOILET';

insert into case_category (code, seq, name_zh, name_en, class_code, class_no, provenance) values
 ('MANHOLE_COVER', 10, '井盖', 'Manhole covers', 'P01', 'P0101', 'RECONSTRUCTION'),
 ('STREET_LAMP', 11, '路灯', 'Street lamps', 'P01', 'P0102', 'RECONSTRUCTION'),
 ('LITTER_BIN', 13, '垃圾箱（果皮箱）', 'Litter bins', 'P03', 'P0302', 'RECONSTRUCTION');

alter table case_category alter column class_code set not null;
alter table case_category alter column class_no set not null;
alter table case_category alter column provenance set not null;
alter table case_category add constraint fk_case_category_class foreign key (class_code) references case_class (code);
alter table case_category add constraint uq_case_category_class_no unique (class_no);

-- Where a case came from besides 巡查 (PATROL) and 热线 (HOTLINE): 上级交办 (ASSIGNED, a higher authority's assignment,
-- with its document number) and 视频 (VIDEO, video surveillance, with the camera or point); the reference says which.
alter table patrol_case add column source_ref varchar(100);
