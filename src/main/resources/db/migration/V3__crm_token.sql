-- The CRM's current OAuth token pair. amoCRM hands out a new refresh token with every refresh and voids the
-- old one, so the pair must survive a restart or the integration has to be authorised again by hand.
create table crm_token (
    provider       varchar(32) primary key,
    access_token   varchar(4000) not null,
    refresh_token  varchar(4000) not null,
    expires_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null
);
