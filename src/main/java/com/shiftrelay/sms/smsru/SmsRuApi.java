package com.shiftrelay.sms.smsru;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * SMS.ru's send method: {@code POST /sms/send} with {@code api_id}, {@code to}, {@code msg}, {@code json=1} (and
 * {@code from}, {@code test}) as a form; the answer stays a tree, read by {@link SmsRuGateway}.
 */
// The url is a placeholder: SmsRuClientConfiguration points every request at SMS.ru or the sandbox's outbox.
@FeignClient(name = "smsru", url = "http://smsru.invalid", configuration = SmsRuClientConfiguration.class)
interface SmsRuApi {

    @PostMapping(path = "/sms/send", consumes = "application/x-www-form-urlencoded")
    JsonNode send(@RequestBody Map<String, ?> form);
}
