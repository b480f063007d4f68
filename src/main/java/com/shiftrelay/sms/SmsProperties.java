package com.shiftrelay.sms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS the client gets ({@code shiftrelay.sms}).
 *
 * @param provider       {@code sandbox} (the sandbox's SMS.ru-compatible outbox, the default), {@code smsru}, or
 *                       {@code none} (no SMS; the real CRMs' profiles until one is configured)
 * @param throttleWindow one number gets at most one SMS within this time, however many calls: 10 minutes
 * @param chatLink       the online chat the SMS invites the client to; empty = the SMS names none
 * @param text           the SMS, {@code {chatLink}} replaced by the link; empty = the default, in Russian
 * @param smsru          SMS.ru's settings
 */
@ConfigurationProperties("shiftrelay.sms")
public record SmsProperties(Provider provider, Duration throttleWindow, String chatLink, String text, SmsRu smsru) {

    public enum Provider {
        SANDBOX, SMSRU, NONE
    }

    public static final String DEFAULT_TEXT = "Мы видим ваш пропущенный звонок и скоро перезвоним.";
    public static final String DEFAULT_CHAT_INVITATION = " Написать нам в чат: {chatLink}";

    public SmsProperties {
        provider = provider == null ? Provider.SANDBOX : provider;
        throttleWindow = throttleWindow == null ? Duration.ofMinutes(10) : throttleWindow;
        chatLink = chatLink == null ? "" : chatLink.strip();
        text = text == null || text.isBlank() ? DEFAULT_TEXT + (chatLink.isEmpty() ? "" : DEFAULT_CHAT_INVITATION) : text;
        smsru = smsru == null ? new SmsRu(null, null, null, null) : smsru;
        if (throttleWindow.isNegative()) {
            throw new IllegalArgumentException("shiftrelay.sms.throttle-window must not be negative");
        }
    }

    /** The SMS's text with the chat's link in it. */
    public String message() {
        return text.replace("{chatLink}", chatLink).strip();
    }

    /**
     * @param apiId the account's {@code api_id}
     * @param from  the sender name agreed with SMS.ru, or empty for the default one
     * @param test  {@code test=1}: SMS.ru checks the request and sends nothing
     * @param url   the API's address, {@code https://sms.ru}
     */
    public record SmsRu(String apiId, String from, Boolean test, String url) {

        public SmsRu {
            test = test != null && test;
            url = url == null || url.isBlank() ? "https://sms.ru" : url.strip().replaceAll("/+$", "");
        }

        @Override
        public String toString() {
            return "SmsRu[apiId=" + (apiId == null || apiId.isBlank() ? "(none)" : "(set)") + ", from=" + from
                    + ", test=" + test + ", url=" + url + "]";
        }
    }
}
