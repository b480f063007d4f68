package com.shiftrelay.crm;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which CRM ShiftRelay works with and what of it the hand-over covers.
 *
 * @param provider      {@code sandbox} (the embedded demo CRM, the default), {@code amocrm} or {@code bitrix24}
 * @param pinnedFieldId the checkbox custom field that pins a deal to its person; null = nothing is pinned. On
 *                      Bitrix24, whose user fields have names, {@code shiftrelay.crm.bitrix24.pinned-field} names the
 *                      field and this id only stands for it inside ShiftRelay
 * @param pipelines     the pipelines whose deals are handed over; empty = all
 */
@ConfigurationProperties("shiftrelay.crm")
public record CrmProperties(Provider provider, Long pinnedFieldId, List<Long> pipelines) {

    public enum Provider { SANDBOX, AMOCRM, BITRIX24 }

    public CrmProperties {
        provider = provider == null ? Provider.SANDBOX : provider;
        pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    }
}
