-- POST /api/assessments with an Idempotency-Key header: the key, per user, remembers which assessment its first request
-- created, so that a retried request (its answer lost to a broken connection or a killed node) gets that answer
-- instead of a second assessment. Written in the same transaction as the assessment.
create table idempotency_key (
    user_id        varchar(128)             not null,
    idem_key       varchar(200)             not null,
    request_sha256 char(64)                 not null,
    assessment_id  bigint                   not null references assessment (id),
    created_at     timestamp with time zone not null,
    primary key (user_id, idem_key)
);
