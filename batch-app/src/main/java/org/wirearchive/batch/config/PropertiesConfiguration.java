package org.wirearchive.batch.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link WirearchiveProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WirearchiveProperties.class)
public class PropertiesConfiguration {
}
