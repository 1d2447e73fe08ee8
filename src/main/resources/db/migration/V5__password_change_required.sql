-- Accounts whose password someone else chose (registration, a generated first password, a reset by an
-- administrator): the owner must choose a new one at the next login, before anything else.
create table password_change_required (
    user_id varchar(64) primary key,
    since   timestamp with time zone not null
);
