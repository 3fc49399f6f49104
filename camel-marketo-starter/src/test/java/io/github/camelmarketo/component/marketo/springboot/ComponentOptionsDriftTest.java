package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.leadsquared.springboot.LeadSquaredComponentConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every option of the generated component JSON has a starter property with the same type and default, and no more. */
class ComponentOptionsDriftTest {

    @Test
    void marketoStarterPropertiesMatchMarketoJson() throws Exception {
        assertThat(ComponentOptionsDrift.differences("META-INF/io/github/camelmarketo/component/marketo/marketo.json",
                MarketoComponentConfiguration.class, "camel.component.marketo")).isEmpty();
    }

    @Test
    void leadSquaredStarterPropertiesMatchLeadSquaredJson() throws Exception {
        assertThat(ComponentOptionsDrift.differences("META-INF/io/github/camelmarketo/component/leadsquared/leadsquared.json",
                LeadSquaredComponentConfiguration.class, "camel.component.leadsquared")).isEmpty();
    }
}
