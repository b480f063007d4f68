-- The sandbox's Bitrix24 dialect keeps each user's work day (timeman.status: OPENED, PAUSED, CLOSED, EXPIRED), as a
-- portal's time management does; demo users start with their day open.
alter table sandbox_users add column work_day varchar(8) default 'OPENED' not null;
alter table sandbox_users add column work_day_since timestamp(6) with time zone;
