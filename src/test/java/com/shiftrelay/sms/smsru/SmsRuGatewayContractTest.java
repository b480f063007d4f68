package com.shiftrelay.sms.smsru;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.shiftrelay.sms.SmsGateway;
import com.shiftrelay.sms.SmsRejectedException;
import com.shiftrelay.sms.SmsUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.FeignAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The SMS.ru adapter through its real Feign client against a stubbed SMS.ru answering as its documentation shows
 * ({@code https://sms.ru/api/send}): a request's status, then each number's own.
 */
@SpringBootTest(classes = SmsRuGatewayContractTest.Context.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {
        "shiftrelay.sms.provider=smsru",
        "shiftrelay.sms.smsru.api-id=F2D79B58-A5A2-2F9E-91C8-73D12CE2E102",
        "shiftrelay.sms.smsru.from=Clinic",
})
class SmsRuGatewayContractTest {

    static final WireMockServer smsRu = new WireMockServer(options().dynamicPort());

    static {
        smsRu.start();
    }

    @DynamicPropertySource
    static void address(DynamicPropertyRegistry registry) {
        registry.add("shiftrelay.sms.smsru.url", smsRu::baseUrl);
    }

    @AfterAll
    static void stop() {
        smsRu.stop();
    }

    @Autowired
    SmsGateway gateway;

    @BeforeEach
    void reset() {
        smsRu.resetAll();
    }

    @Test
    void aMessageTheNumberGotIsAnsweredWithItsId() {
        smsRu.stubFor(post(urlEqualTo("/sms/send")).willReturn(okJson("{\"status\":\"OK\",\"status_code\":100,"
                + "\"sms\":{\"79161234567\":{\"status\":\"OK\",\"status_code\":100,\"sms_id\":\"000000-10000000\"}},"
                + "\"balance\":4122.56}")));

        assertThat(gateway.send("79161234567", "Мы видим ваш пропущенный звонок")).isEqualTo("000000-10000000");

        smsRu.verify(postRequestedFor(urlEqualTo("/sms/send"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("api_id=F2D79B58-A5A2-2F9E-91C8-73D12CE2E102"))
                .withRequestBody(containing("to=79161234567"))
                .withRequestBody(containing("json=1"))
                .withRequestBody(containing("from=Clinic"))
                .withRequestBody(containing("msg=%D0%9C%D1%8B")));
    }

    @Test
    void aNumberRefusedWhileTheRequestSucceededIsARefusalNamingTheNumber() {
        smsRu.stubFor(post(urlEqualTo("/sms/send")).willReturn(okJson("{\"status\":\"OK\",\"status_code\":100,"
                + "\"sms\":{\"79161234567\":{\"status\":\"ERROR\",\"status_code\":202,"
                + "\"status_text\":\"Неправильно указан номер телефона получателя\"}},\"balance\":4122.56}")));

        assertThatThrownBy(() -> gateway.send("79161234567", "?")).isInstanceOf(SmsRejectedException.class)
                .hasMessageContaining("79161234567").hasMessageContaining("202")
                .satisfies(e -> assertThat(((SmsRejectedException) e).code()).isEqualTo(202));
    }

    @Test
    void aWrongKeyAndNoFundsRefuseTheRequest() {
        smsRu.stubFor(post(urlEqualTo("/sms/send")).willReturn(okJson("{\"status\":\"ERROR\",\"status_code\":200,"
                + "\"status_text\":\"Неправильный api_id\"}")));
        assertThatThrownBy(() -> gateway.send("79161234567", "?")).isInstanceOf(SmsRejectedException.class)
                .hasMessageContaining("api_id");

        smsRu.stubFor(post(urlEqualTo("/sms/send")).willReturn(okJson("{\"status\":\"ERROR\",\"status_code\":201,"
                + "\"status_text\":\"Не хватает средств на лицевом счету\"}")));
        assertThatThrownBy(() -> gateway.send("79161234567", "?")).isInstanceOf(SmsRejectedException.class)
                .satisfies(e -> assertThat(((SmsRejectedException) e).code()).isEqualTo(201));
    }

    /** 220 may pass: the step is tried again, and the second try sends. */
    @Test
    void temporarilyUnavailableThenSuccess() {
        smsRu.stubFor(post(urlEqualTo("/sms/send")).inScenario("220").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"status\":\"ERROR\",\"status_code\":220,"
                        + "\"status_text\":\"Сервис временно недоступен, попробуйте чуть позже\"}"))
                .willSetStateTo("back"));
        smsRu.stubFor(post(urlEqualTo("/sms/send")).inScenario("220").whenScenarioStateIs("back")
                .willReturn(okJson("{\"status\":\"OK\",\"status_code\":100,\"sms\":{\"79161234567\":{\"status\":\"OK\","
                        + "\"status_code\":100,\"sms_id\":\"000000-10000001\"}},\"balance\":4122.50}")));

        assertThatThrownBy(() -> gateway.send("79161234567", "?")).isInstanceOf(SmsUnavailableException.class)
                .hasMessageContaining("220");
        assertThat(gateway.send("79161234567", "?")).isEqualTo("000000-10000001");
        smsRu.verify(exactly(2), postRequestedFor(urlEqualTo("/sms/send")));
    }

    @Test
    void aServerThatFailsOrAnswersSomethingElseMayTakeItLater() {
        smsRu.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> gateway.send("79161234567", "?")).isInstanceOf(SmsUnavailableException.class);

        smsRu.stubFor(post(urlEqualTo("/sms/send")).willReturn(okJson("{\"status\":\"OK\",\"status_code\":100,"
                + "\"sms\":{},\"balance\":1}")));
        assertThatThrownBy(() -> gateway.send("79161234567", "?")).isInstanceOf(SmsUnavailableException.class)
                .hasMessageContaining("79161234567");
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({FeignAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class})
    @Import(SmsRuConfiguration.class)
    static class Context {
    }
}
