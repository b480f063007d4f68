package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmException;

/** amoCRM answered 401: the access token is expired or revoked. */
final class AmoCrmTokenRejected extends CrmException {

    AmoCrmTokenRejected(String message) {
        super(message);
    }
}
