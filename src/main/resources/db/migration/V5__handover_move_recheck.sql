-- A planned move is re-read from the CRM before it is written (checked_at), and a move that ends up not
-- written says why (note): reassigned or closed by hand since planning, refused by the CRM, or waiting.
alter table handover_move add column checked_at timestamp(6) with time zone;
alter table handover_move add column note varchar(500);
