package com.shiftrelay.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The bean exists only while the sandbox is the configured CRM (the default), so a real CRM switches it off. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "shiftrelay.crm.provider", havingValue = "sandbox", matchIfMissing = true)
@interface ConditionalOnSandboxCrm {
}
