package com.shiftrelay.crm;

/** A CRM team (amoCRM group, Bitrix24 department). */
public record CrmTeam(long id, String name) {
}
