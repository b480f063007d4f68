-- A deal as ShiftRelay last read it from the CRM, for a CRM whose change events name only the deal (Bitrix24's
-- ONCRMDEALUPDATE): what changed is what differs from here.
create table deal_snapshot (
    deal_id         bigint primary key,
    pipeline_id     bigint not null,
    status_id       bigint not null,
    responsible_id  bigint not null,
    seen_at         timestamp(6) with time zone not null
);
