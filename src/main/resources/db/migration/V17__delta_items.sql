-- A delta assessment retests only the items a change touches (issue 14): the engineer who judges a change notice
-- names them per component to retest; the delta assessment's item_scope holds them (space-separated item IDs; null
-- for every other assessment: every item of its components).
alter table change_notice add column retest_items varchar(400);
alter table assessment add column item_scope varchar(400);
