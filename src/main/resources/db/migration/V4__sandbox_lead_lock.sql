-- A sandbox lead can be locked the way an amoCRM account rule locks a deal: the API then refuses to change its
-- responsible (tests and demos use it to see a refused item in a batch).
alter table sandbox_leads add column locked boolean default false not null;
