package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When the component auto-configuration applies, and what switches it off. */
class MarketoComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, MarketoComponentConverter.class,
                    MarketoComponentAutoConfiguration.class));

    @Test
    void customizesTheMarketoComponentByDefault() {
        runner.withPropertyValues("camel.component.marketo.munchkin-id=111-AAA-222").run(context -> {
            assertThat(context).hasSingleBean(MarketoComponentConfiguration.class);
            assertThat(context).hasBean("configureMarketoComponent");
            MarketoComponent component = context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);
            assertThat(component.getConfiguration().getMunchkinId()).isEqualTo("111-AAA-222");
        });
    }

    @Test
    void offWhenTheComponentIsDisabled() {
        runner.withPropertyValues("camel.component.marketo.enabled=false", "camel.component.marketo.munchkin-id=111-AAA-222")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(MarketoComponentConfiguration.class);
                    assertThat(context).doesNotHaveBean("configureMarketoComponent");
                    MarketoComponent component = context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);
                    assertThat(component.getConfiguration().getMunchkinId()).isNull();
                });
    }

    @Test
    void offWhenAllComponentsAreDisabled() {
        runner.withPropertyValues("camel.component.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(MarketoComponentConfiguration.class);
        });
    }

    @Test
    void customizerSkippedWhenTheCustomizerIsDisabled() {
        runner.withPropertyValues("camel.component.marketo.customizer.enabled=false",
                "camel.component.marketo.munchkin-id=111-AAA-222").run(context -> {
                    ComponentCustomizer customizer = context.getBean("configureMarketoComponent", ComponentCustomizer.class);
                    assertThat(customizer.isEnabled("marketo", new MarketoComponent())).isFalse();
                    MarketoComponent component = context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);
                    assertThat(component.getConfiguration().getMunchkinId()).isNull();
                });
    }

    @Test
    void customizerIgnoresOtherComponents() {
        runner.run(context -> {
            ComponentCustomizer customizer = context.getBean("configureMarketoComponent", ComponentCustomizer.class);
            assertThat(customizer.isEnabled("log", new org.apache.camel.component.log.LogComponent())).isFalse();
            assertThat(customizer.isEnabled("marketo", new MarketoComponent())).isTrue();
        });
    }
}
