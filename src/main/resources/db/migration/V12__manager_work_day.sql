-- The manager's work day as the CRM's time clock last showed it (Bitrix24 timeman.status); null until first read.
alter table manager add column work_day varchar(16);
