package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmException;

/** 401 {@code expired_token}: the OAuth access token has run out and is to be refreshed, once. */
final class Bitrix24TokenExpired extends CrmException {

    Bitrix24TokenExpired(String message) {
        super(message);
    }
}
