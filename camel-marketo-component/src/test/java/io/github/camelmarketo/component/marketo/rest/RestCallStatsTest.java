package io.github.camelmarketo.component.marketo.rest;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-instance call stats: one bean shared by all endpoints, in the registry and as a JMX MBean. */
class RestCallStatsTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Test
    void endpointsShareOneStatsBeanInTheRegistryAndInJmx() throws Exception {
        template.requestBody("marketo:syncLeads", List.of(Lead.withEmail("s1@example.com")));
        template.requestBody("marketo:getLeadsById?fields=email", "1000001");
        template.requestBody("marketo:describeLeads", (Object) null);

        assertThat(marketo().getCallStats()).hasSize(1);
        MarketoCallStats stats = stats();
        assertThat(stats.getInstance()).isEqualTo("127.0.0.1:" + emulator().getPort());
        assertThat(stats.getCalls()).isEqualTo(3);
        assertThat(stats.getTokenRefreshes()).isEqualTo(1);
        assertThat(stats.getRetries()).isZero();
        assertThat(context.getRegistry().lookupByNameAndType("marketoCallStats-" + stats.getInstance(), MarketoCallStats.class))
                .isSameAs(stats);

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=marketo,*"), null);
        assertThat(names).hasSize(1);
        ObjectName name = names.iterator().next();
        assertThat(server.getAttribute(name, "Calls")).isEqualTo(3L);
        assertThat(server.getAttribute(name, "RateLimitResponses")).isEqualTo(0L);
        server.invoke(name, "reset", null, null);
        assertThat(stats.getCalls()).isZero();
    }
}
