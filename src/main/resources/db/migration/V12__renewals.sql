-- Renewal (issue 14): a new assessment prefilled from a completed one, linked to it.
alter table assessment add column renews_assessment_id bigint references assessment (id);
create index assessment_renews on assessment (renews_assessment_id);
