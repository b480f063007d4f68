package com.shiftrelay;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit loads ShiftRelay's plugin: the webapp serves our scripts/config.js rather than the webjar's, and
 * every module the plugin imports is there, as JavaScript.
 */
@ShiftRelayIntegrationTest
class CockpitPluginIT {

    private static final String COCKPIT = "/camunda/app/cockpit/";
    private static final Pattern IMPORT = Pattern.compile("from '\\./([\\w-]+\\.js)'");

    @LocalServerPort
    int port;

    @Test
    void cockpitsConfigurationLoadsThePluginAndEveryModuleOfItIsServed() {
        Api browser = Api.browser(port);

        var config = browser.request("GET", COCKPIT + "scripts/config.js").send();
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text()).contains("customScripts: ['shiftrelay/plugin.js']");

        Deque<String> toLoad = new ArrayDeque<>(Set.of("plugin.js"));
        Set<String> loaded = new HashSet<>();
        while (!toLoad.isEmpty()) {
            String module = toLoad.pop();
            if (!loaded.add(module)) {
                continue;
            }
            var response = browser.request("GET", COCKPIT + "shiftrelay/" + module).send();
            assertThat(response.status()).as(module).isEqualTo(200);
            assertThat(response.contentType()).as(module).contains("javascript");
            Matcher imports = IMPORT.matcher(response.text());
            while (imports.find()) {
                toLoad.push(imports.group(1));
            }
        }
        assertThat(loaded).contains("plugin.js", "page.js", "dashboard.js", "api.js", "html.js", "refresh.js", "style.js");
    }
}
