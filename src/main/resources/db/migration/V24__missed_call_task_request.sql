-- The text of a callback's CRM task as it was asked for, written before the CRM is asked. An answer lost on the way
-- back (a timeout, a proxy's 504) leaves the task created in the CRM but not in the ledger; the step run again looks
-- for an open task with exactly this text, responsible and deadline before it creates one.
alter table missed_calls add column task_request varchar(4000);
