package com.shiftrelay.engine;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that tie the application to the embedded engine. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
