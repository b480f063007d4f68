package com.shiftrelay.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.deal;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.error;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.list;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmTokens;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The Bitrix24 adapter as a local application: the first token pair bought with the configured refresh token at the
 * authorization server (settings/oauth/auto-renewal.md), the pair stored, the access token sent as {@code auth},
 * and an {@code expired_token} answer refreshed once and the request sent again.
 */
@SpringBootTest(classes = Bitrix24GatewayContractTest.Context.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {
        "shiftrelay.crm.provider=bitrix24",
        "shiftrelay.crm.bitrix24.oauth.client-id=local.6667fc928a50a9.70414732",
        "shiftrelay.crm.bitrix24.oauth.client-secret=app-secret",
        "shiftrelay.crm.bitrix24.oauth.refresh-token=installed-refresh-token",
        "shiftrelay.crm.bitrix24.requests-per-second=100",
        "spring.datasource.url=jdbc:h2:mem:bitrix24-oauth-${random.uuid};DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class Bitrix24OAuthContractTest {

    static final WireMockServer portal = new WireMockServer(options().dynamicPort());

    static {
        portal.start();
    }

    @DynamicPropertySource
    static void addresses(DynamicPropertyRegistry registry) {
        registry.add("shiftrelay.crm.bitrix24.portal-url", portal::baseUrl);
        registry.add("shiftrelay.crm.bitrix24.oauth.server-url", portal::baseUrl);
    }

    @AfterAll
    static void stopPortal() {
        portal.stop();
    }

    @Autowired
    CrmGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void resetStubs() {
        portal.resetAll();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheRequestSentAgain() {
        stubToken("installed-refresh-token", "access-1", "refresh-1");
        stubToken("refresh-1", "access-2", "refresh-2");
        portal.stubFor(post(urlEqualTo("/rest/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("access-1")))
                .willReturn(error(401, "expired_token", "The access token provided has expired")));
        portal.stubFor(post(urlEqualTo("/rest/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("access-2")))
                .willReturn(list(List.of(deal(1, 5, 0, "P", "100", null)), null, 0)));

        assertThat(gateway.dealsOf(List.of(5L), List.of())).hasSize(1);

        portal.verify(exactly(1), getRequestedFor(urlPathEqualTo("/oauth/token/"))
                .withQueryParam("refresh_token", equalTo("installed-refresh-token")));
        portal.verify(exactly(1), getRequestedFor(urlPathEqualTo("/oauth/token/"))
                .withQueryParam("refresh_token", equalTo("refresh-1")));
        portal.verify(exactly(2), postRequestedFor(urlEqualTo("/rest/crm.deal.list.json")));
        // the spent refresh token is gone: a restart continues with the pair bought last
        assertThat(jdbc.queryForMap("select access_token, refresh_token from crm_token where provider = 'bitrix24'"))
                .containsEntry("ACCESS_TOKEN", "access-2").containsEntry("REFRESH_TOKEN", "refresh-2");
    }

    @Test
    void aTokenStillRefusedAfterItsRefreshFailsNamingIt() {
        stubToken("installed-refresh-token", "access-1", "refresh-1");
        stubToken("refresh-1", "access-2", "refresh-2");
        portal.stubFor(post(urlEqualTo("/rest/crm.deal.list.json"))
                .willReturn(error(401, "expired_token", "The access token provided has expired")));

        assertThatThrownBy(() -> gateway.dealsOf(List.of(5L), List.of()))
                .isInstanceOf(CrmException.class).hasMessageContaining("freshly refreshed token");
        portal.verify(exactly(2), getRequestedFor(urlPathEqualTo("/oauth/token/")));
        portal.verify(exactly(2), postRequestedFor(urlEqualTo("/rest/crm.deal.list.json")));
    }

    @Test
    void aRefusedGrantSaysSo() {
        portal.stubFor(get(urlPathEqualTo("/oauth/token/"))
                .willReturn(error(400, "invalid_grant", "Invalid authorization tokens")));

        assertThatThrownBy(() -> gateway.dealsOf(List.of(5L), List.of()))
                .isInstanceOf(CrmException.class).hasMessageContaining("refused the refresh_token grant")
                .hasMessageContaining("invalid_grant");
    }

    private static void stubToken(String refreshToken, String access, String refresh) {
        portal.stubFor(get(urlPathEqualTo("/oauth/token/"))
                .withQueryParam("grant_type", equalTo("refresh_token"))
                .withQueryParam("client_id", equalTo("local.6667fc928a50a9.70414732"))
                .withQueryParam("client_secret", equalTo("app-secret"))
                .withQueryParam("refresh_token", equalTo(refreshToken))
                .willReturn(ok("{\"access_token\":\"" + access + "\",\"client_endpoint\":\"" + portal.baseUrl()
                        + "/rest/\",\"domain\":\"oauth.bitrix.info\",\"expires_in\":3600,\"member_id\":\"a223c6b3\","
                        + "\"refresh_token\":\"" + refresh + "\",\"scope\":\"app\",\"server_endpoint\":"
                        + "\"https://oauth.bitrix.info/rest/\",\"status\":\"L\"}")));
    }
}
