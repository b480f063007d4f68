package com.shiftrelay.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The bean exists only while the sandbox is the configured CRM and speaks the named dialect. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnSandboxDialect.OnDialect.class)
@interface ConditionalOnSandboxDialect {

    SandboxProperties.Dialect value();

    class OnDialect implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSandboxDialect.class.getName());
            SandboxProperties.Dialect wanted = (SandboxProperties.Dialect) attributes.get("value");
            Binder binder = Binder.get(context.getEnvironment());
            String provider = binder.bind("shiftrelay.crm.provider", String.class).orElse("sandbox");
            SandboxProperties.Dialect dialect = binder.bind("shiftrelay.sandbox.dialect", SandboxProperties.Dialect.class)
                    .orElse(SandboxProperties.Dialect.AMOCRM);
            return provider.equalsIgnoreCase("sandbox") && dialect == wanted;
        }
    }
}
