package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmRateLimitedException;

/** The portal's leaky bucket is full (503 {@code QUERY_LIMIT_EXCEEDED}): it drains at its rate, so wait a little. */
final class Bitrix24QueryLimitExceeded extends CrmRateLimitedException {

    Bitrix24QueryLimitExceeded(String message) {
        super(message, Bitrix24ErrorDecoder.DEFAULT_RETRY_AFTER);
    }
}
