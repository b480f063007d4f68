-- A batch of deal changes fetched from a CRM that keeps them to be fetched (Bitrix24's offline events) and not yet
-- acknowledged: kept so that after a failure or a restart the same batch is asked for again, never skipped.
create table deal_change_feed (
    source           varchar(32) primary key,
    unfinished_batch varchar(128),
    updated_at       timestamp(6) with time zone not null
);
