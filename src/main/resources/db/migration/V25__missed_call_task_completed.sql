-- When a callback's CRM task was completed with its result, before the deal's note is written: a step run again after
-- the note failed does not complete the task (and comment its result) twice.
alter table missed_calls add column task_completed_at timestamp(6) with time zone;
