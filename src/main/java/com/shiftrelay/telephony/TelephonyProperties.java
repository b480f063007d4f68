package com.shiftrelay.telephony;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The telephony webhooks ({@code shiftrelay.telephony}). An endpoint whose secret is not set answers 404: a webhook
 * nobody configured accepts nothing.
 *
 * @param bitrix24   Bitrix24 telephony's {@code ONVOXIMPLANTCALLEND}: the application token it is signed with (by
 *                   default the one of the CRM's deal events, {@code shiftrelay.webhooks.bitrix24.application-token})
 * @param mango      Mango Office: the VPBX's API key and salt, which sign each request
 * @param pbx        ShiftRelay's own JSON format for any other PBX: the secret of its HMAC, and how old a signed
 *                   timestamp may be (a replayed request older than that is refused)
 * @param extensions the PBX's internal numbers (Mango's extensions, the JSON format's {@code extension}) by the CRM
 *                   user who answers them, for providers that do not name the CRM user
 */
@ConfigurationProperties("shiftrelay.telephony")
public record TelephonyProperties(Bitrix24 bitrix24, Mango mango, Pbx pbx, Map<String, Long> extensions) {

    public TelephonyProperties {
        bitrix24 = bitrix24 == null ? new Bitrix24(null) : bitrix24;
        mango = mango == null ? new Mango(null, null) : mango;
        pbx = pbx == null ? new Pbx(null, null) : pbx;
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public record Bitrix24(String applicationToken) {

        boolean enabled() {
            return present(applicationToken);
        }

        @Override
        public String toString() {
            return "Bitrix24[applicationToken=" + (enabled() ? "(set)" : "(none)") + "]";
        }
    }

    public record Mango(String apiKey, String apiSalt) {

        boolean enabled() {
            return present(apiKey) && present(apiSalt);
        }

        @Override
        public String toString() {
            return "Mango[apiKey=" + (present(apiKey) ? "(set)" : "(none)") + ", apiSalt="
                    + (present(apiSalt) ? "(set)" : "(none)") + "]";
        }
    }

    public record Pbx(String secret, Duration maxAge) {

        public Pbx {
            maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("shiftrelay.telephony.pbx.max-age must be positive");
            }
        }

        boolean enabled() {
            return present(secret);
        }

        @Override
        public String toString() {
            return "Pbx[secret=" + (enabled() ? "(set)" : "(none)") + ", maxAge=" + maxAge + "]";
        }
    }

    /** The CRM user behind a PBX extension, or null. */
    Long managerOfExtension(String extension) {
        return extension == null ? null : extensions.get(extension.strip());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
