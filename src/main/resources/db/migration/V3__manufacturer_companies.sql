-- Manufacturer companies: each is a Camunda tenant of the same id, so that the engine keeps one company's
-- assessments, tasks, variables and history from every other company's users.
create table manufacturer_company (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    created_by varchar(100) not null,
    created_at timestamp with time zone not null
);

-- Assessments started before companies existed keep no company: only lab staff see them.
alter table assessment add column company_id varchar(64) references manufacturer_company (id);
create index assessment_company on assessment (company_id);
