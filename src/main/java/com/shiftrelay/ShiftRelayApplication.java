package com.shiftrelay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ShiftRelay: keeps every CRM deal with somebody who is at work. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShiftRelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShiftRelayApplication.class, args);
    }
}
