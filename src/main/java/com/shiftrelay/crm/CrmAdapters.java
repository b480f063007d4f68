package com.shiftrelay.crm;

/**
 * Which adapter serves the CRM port, as conditions on configuration. The sandbox speaks either CRM's dialect
 * ({@code shiftrelay.sandbox.dialect}: {@code amocrm}, the default, or {@code bitrix24}), and the matching real adapter
 * talks to it over HTTP exactly as it talks to a real account or portal.
 */
public final class CrmAdapters {

    private static final String PROVIDER = "'${shiftrelay.crm.provider:sandbox}'";
    private static final String DIALECT = "'${shiftrelay.sandbox.dialect:amocrm}'";

    /** The Bitrix24 adapter: a Bitrix24 portal, or the sandbox speaking Bitrix24. */
    public static final String BITRIX24 = PROVIDER + ".equalsIgnoreCase('bitrix24') or (" + PROVIDER
            + ".equalsIgnoreCase('sandbox') and " + DIALECT + ".equalsIgnoreCase('bitrix24'))";

    /** The amoCRM adapter: an amoCRM account, or the sandbox speaking amoCRM. */
    public static final String AMOCRM = "!(" + BITRIX24 + ")";

    private CrmAdapters() {
    }
}
