package com.shiftrelay.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link ShiftRelayIntegrationTest} whose sandbox speaks Bitrix24's REST API to ShiftRelay's Bitrix24 adapter (the
 * {@code sandbox-bitrix24} profile), so a scenario written once runs on both CRM dialects: a subclass of the amoCRM
 * scenario carries this annotation and inherits every test. The class must carry {@link ShiftRelayIntegrationTest}
 * itself too: Spring asks the profiles of the class that declares them, not of the test that inherits them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface OnSandboxBitrix24 {

    /**
     * Whether ShiftRelay signs in as the sandbox portal's local application and reads deals from its offline events
     * (the {@code sandbox-bitrix24-app} profile) instead of reaching it by an inbound webhook.
     */
    boolean asApplication() default false;
}
