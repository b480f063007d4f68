package com.shiftrelay.crm;

import java.util.List;

/** A snapshot of the CRM's users and teams (amoCRM groups, Bitrix24 departments). */
public record CrmDirectory(List<CrmUser> users, List<CrmTeam> teams) {
    public CrmDirectory {
        users = List.copyOf(users);
        teams = List.copyOf(teams);
    }
}
