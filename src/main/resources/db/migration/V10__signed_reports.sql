-- Issued PDFs are signed and verifiable (issue 14): each carries a verification code (printed with a QR code; the
-- public page /verify/{code} shows its status); a final report stands until valid_until; a lab manager can withdraw
-- a report with a reason. Reports issued before this version have no code and are not shown on the page.
alter table report add column verification_code varchar(20);
alter table report add column valid_until timestamp with time zone;
alter table report add column withdrawn_at timestamp with time zone;
alter table report add column withdrawn_by varchar(64);
alter table report add column withdrawal_reason varchar(2000);
create unique index report_verification_code on report (verification_code);

-- The lab's signing key when no key store is configured: generated at the first start, one row for every node.
create table lab_signing_key (
    id                 integer      primary key,
    key_store          bytea        not null,
    key_store_password varchar(100) not null,
    created_at         timestamp with time zone not null
);
