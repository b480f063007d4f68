package com.shiftrelay.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Integration tests run with the profiles named by the {@code it.profiles} system property ("sandbox,test"
 * by default); the CI adds "postgres" to run the same tests against PostgreSQL. A test {@link OnSandboxBitrix24} adds
 * the sandbox's Bitrix24 dialect and the test settings for it.
 */
public class IntegrationTestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        List<String> profiles = new ArrayList<>(List.of(System.getProperty("it.profiles", "sandbox,test")
                .split("\\s*,\\s*")));
        if (testClass.isAnnotationPresent(OnSandboxBitrix24.class)) {
            profiles.add("sandbox-bitrix24");
            profiles.add("test-bitrix24");
        }
        return profiles.toArray(String[]::new);
    }
}
