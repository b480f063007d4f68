-- The event feed is read with an overlap, so an event that shows up late with an older created_at is still
-- read; the ids seen within the overlap are kept so that no event counts twice.
create table activity_event_seen (
    source      varchar(32) not null,
    event_id    varchar(64) not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_activity_event_seen primary key (source, event_id)
);
create index ix_activity_event_seen_created on activity_event_seen (source, created_at);

-- A CRM outage is one signal with a back-off, not one failure every poll.
alter table activity_cursor add column failures integer not null default 0;
alter table activity_cursor add column failing_since timestamp(6) with time zone;
alter table activity_cursor add column next_attempt_at timestamp(6) with time zone;
alter table activity_cursor add column last_error varchar(500);
