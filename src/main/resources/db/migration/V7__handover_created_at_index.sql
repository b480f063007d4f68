-- The administrator's overview (GET /api/handovers/recent, Cockpit's ShiftRelay page every 10 seconds) reads
-- the newest runs first; the ledger keeps every run, so it reads them through an index instead of sorting
-- the whole table each time.
create index ix_handover_created on handover (created_at);
