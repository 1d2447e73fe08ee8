-- Requests sent with an Idempotency-Key header (POST /api/assessments, uploads): the key, per user, remembers what
-- its first request created, so that a retried request (its answer lost to a broken connection or a killed node)
-- gets that answer instead of a second assessment or file. Written in the same transaction as what it points to.
create table idempotency_key (
    user_id        varchar(128)             not null,
    idem_key       varchar(200)             not null,
    -- APPLICATION (an assessment's id) or UPLOAD (a document's id)
    resource_kind  varchar(20)              not null,
    resource_id    bigint                   not null,
    request_sha256 char(64)                 not null,
    created_at     timestamp with time zone not null,
    primary key (user_id, idem_key)
);
