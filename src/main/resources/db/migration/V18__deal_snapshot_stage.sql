-- The deal's stage as the CRM writes it (Bitrix24's STAGE_ID, "C1:NEW"): a move between two open stages of a
-- Bitrix24 pipeline has the same numeric stage (0) on both sides and is told by this. Rows from before are null: the
-- next sighting fills them in.
alter table deal_snapshot add column stage varchar(100);
