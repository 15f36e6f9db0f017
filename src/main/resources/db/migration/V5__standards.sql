-- The standards a campaign is measured against: areas, items and indicators with their default thresholds,
-- loaded from standards/*.yaml (validated) and replaceable by the office while no campaign uses them.
create table standard (
    code           varchar(40)   primary key,
    name           varchar(200)  not null,
    name_en        varchar(200)  not null,
    pass_score     decimal(6, 2) not null,
    min_area_share decimal(4, 3) not null,
    content_hash   varchar(64)   not null,
    loaded_at      timestamp     not null
);

create table standard_item (
    standard_code varchar(40)  not null,
    code          varchar(20)  not null,
    area_code     varchar(40)  not null,
    seq           int          not null,
    name          varchar(100) not null,
    requirement   varchar(500) not null,
    points        int          not null,
    veto          boolean      not null,
    primary key (standard_code, code)
);

create table standard_indicator (
    standard_code    varchar(40)    not null,
    code             varchar(40)    not null,
    area_code        varchar(40)    not null,
    seq              int            not null,
    name_zh          varchar(100)   not null,
    name_en          varchar(100)   not null,
    value_type       varchar(10)    not null,
    unit             varchar(20)    not null,
    comparison       varchar(20)    not null,
    threshold_number decimal(12, 3),
    threshold_grade  varchar(1),
    threshold_bool   boolean,
    veto             boolean        not null,
    item_code        varchar(20),
    primary key (standard_code, code)
);

-- A campaign's own threshold for an indicator (a provincial rule may be stricter than the default).
create table campaign_threshold (
    campaign_id      bigint         not null references campaign (id),
    indicator_code   varchar(40)    not null,
    threshold_number decimal(12, 3),
    threshold_grade  varchar(1),
    threshold_bool   boolean,
    set_by           varchar(64)    not null,
    set_at           timestamp      not null,
    primary key (campaign_id, indicator_code)
);
