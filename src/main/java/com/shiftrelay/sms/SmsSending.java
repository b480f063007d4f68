package com.shiftrelay.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Texts a client at most once per key and at most once per number within the throttle window. The ledger row and
 * the number's claim are committed before the gateway is called, so a step that runs again (after a failure, or on
 * another node after this one died) finds them: an SMS whose sending was under way when its node died is taken as
 * sent rather than sent twice. A gateway that certainly did not send it (it refused, or was not reached) leaves the
 * key free to try again; a refusal for good is thrown for the step's incident, naming the number.
 */
@Service
public class SmsSending {

    /** What became of the SMS for a key. */
    public enum Outcome {
        /** The gateway took it (or was taking it when a node died: at most once, never twice). */
        SENT,
        /** The number was texted within the throttle window: nothing was sent. */
        THROTTLED,
        /** No SMS gateway is configured ({@code shiftrelay.sms.provider=none}): nothing was sent. */
        NOT_CONFIGURED
    }

    private static final Logger log = LoggerFactory.getLogger(SmsSending.class);

    /** Null when no SMS gateway is configured. */
    private final SmsGateway gateway;
    private final SmsThrottle throttle;
    private final SmsMessages messages;
    private final SmsProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SmsSending(ObjectProvider<SmsGateway> gateway, SmsThrottle throttle, SmsMessages messages, SmsProperties properties,
               Clock clock, PlatformTransactionManager transactions) {
        this.gateway = gateway.getIfAvailable();
        this.throttle = throttle;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The configured text (with the chat's link) to {@code number}, once for {@code key}. */
    public Outcome send(String key, String number) {
        return send(key, number, properties.message());
    }

    public Outcome send(String key, String number, String text) {
        if (gateway == null) {
            log.info("SMS {} to {} not sent: no SMS gateway is configured (SHIFTRELAY_SMS_PROVIDER=smsru)", key, number);
            return Outcome.NOT_CONFIGURED;
        }
        Instant now = clock.instant();
        Optional<Outcome> decided = ownTransaction.execute(status -> decide(key, number, text, now));
        if (decided.isPresent()) {
            return decided.get();
        }
        String gatewayId;
        try {
            gatewayId = gateway.send(number, text);
        } catch (SmsRejectedException | SmsUnavailableException notSent) {
            ownTransaction.executeWithoutResult(status -> messages.forget(key));
            throw notSent;
        }
        ownTransaction.executeWithoutResult(status -> messages.sent(key, gatewayId, clock.instant()));
        log.info("SMS {} to {} sent: {}", key, number, gatewayId);
        return Outcome.SENT;
    }

    /** The outcome known already, or empty once the row says SENDING and the gateway is to be called. */
    private Optional<Outcome> decide(String key, String number, String text, Instant now) {
        Optional<SmsMessages.Outcome> before = messages.outcome(key);
        if (before.isPresent()) {
            if (before.get() == SmsMessages.Outcome.THROTTLED) {
                return Optional.of(Outcome.THROTTLED);
            }
            // SENT, or SENDING when a node died mid-call: never a second one.
            return Optional.of(Outcome.SENT);
        }
        if (!throttle.claim(number, key, now, properties.throttleWindow())) {
            messages.add(key, number, text, SmsMessages.Outcome.THROTTLED, now);
            log.info("SMS {} to {} not sent: the number was texted within {}", key, number,
                    properties.throttleWindow());
            return Optional.of(Outcome.THROTTLED);
        }
        messages.add(key, number, text, SmsMessages.Outcome.SENDING, now);
        return Optional.empty();
    }
}
