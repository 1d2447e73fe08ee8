-- A final report is superseded by the final report of the assessment that renews it (issue 14).
alter table report add column superseded_by varchar(20);
