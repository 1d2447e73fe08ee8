-- A final report is superseded by the final report of the assessment that renews it (issue 14).
alter table report add column superseded_by varchar(20);
-- The SHA-256 of the certificate that signed each issued report: the lab's key may be replaced later.
alter table report add column signer_sha256 varchar(64);
