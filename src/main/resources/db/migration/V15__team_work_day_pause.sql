-- What a paused work day on the CRM's time clock (Bitrix24's timeman) means for the team: IGNORE (a break) or OFFLINE
-- (leaving: the deals are handed over); null follows shiftrelay.presence.work-day-pause.
alter table team add column work_day_pause varchar(8);
