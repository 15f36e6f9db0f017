-- Who holds which role in which region, as set up through /api/regions/{id}/people: a town's office, leading group,
-- supervisors and unit heads, a county's (or city's) office. The Camunda group and tenant memberships follow from it;
-- this is the record of why a person has them, so that removing a role removes only what no other role still needs.
create table region_role (
    region_id  bigint      not null references region (id),
    user_id    varchar(64) not null,
    role       varchar(20) not null,
    primary key (region_id, user_id, role)
);

create index ix_region_role_user on region_role (user_id, role);
