package com.shiftrelay.presence;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Derives a Tasklist login from a CRM user: the e-mail's local part reduced to Latin letters and digits
 * (the engine accepts nothing else in ids), made unique with the CRM id when taken.
 */
final class Logins {

    private Logins() {
    }

    static String derive(long crmUserId, String email, Predicate<String> takenByOther) {
        String local = email == null ? "" : email.split("@", 2)[0];
        String base = local.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.isEmpty()) {
            return "manager" + crmUserId;
        }
        return takenByOther.test(base) ? base + crmUserId : base;
    }
}
