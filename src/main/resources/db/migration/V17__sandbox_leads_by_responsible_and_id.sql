-- The sandbox's Bitrix24 dialect reads a manager's deals the fast way, 50 at a time by ID above the last one: an index
-- that is ordered by ID within each responsible answers each page without sorting all of their deals.
create index ix_sandbox_leads_responsible_id on sandbox_leads (responsible_user_id, id);
