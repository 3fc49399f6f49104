package io.github.camelmarketo.component.marketo.soap;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.camelmarketo.component.marketo.client.ClientSettings;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.client.MarketoClientFactory;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import org.apache.cxf.Bus;
import io.github.camelmarketo.component.support.RateLimiter;

/**
 * Creates {@link SoapMarketoClient}s and owns the SOAP state shared by the endpoints of one component: the default
 * endpoint URL, one CXF bus, and one limiter and one set of statistics per SOAP endpoint (= Marketo instance).
 */
public final class SoapMarketoClientFactory implements MarketoClientFactory {

    /** A limiter and the statistics of one instance. */
    private record Instance(RateLimiter limiter, MarketoCallStats stats) {
    }

    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Clock clock;
    private Bus bus;

    public SoapMarketoClientFactory() {
        this(Clock.systemDefaultZone());
    }

    /** A factory whose clients sign with {@code clock} (tests). */
    public SoapMarketoClientFactory(Clock clock) {
        this.clock = clock;
    }

    /** {@code soapEndpoint}, or the vendor's URL of {@code munchkinId}. */
    static String address(ClientSettings settings) {
        if (settings.getSoapEndpoint() != null) {
            return settings.getSoapEndpoint();
        }
        if (settings.getMunchkinId() == null) {
            throw new IllegalArgumentException("Set munchkinId or soapEndpoint for api=soap");
        }
        return "https://" + settings.getMunchkinId().trim() + ".mktoapi.com/soap/mktows/2_x";
    }

    @Override
    public MarketoClient create(ClientSettings settings, Consumer<MarketoCallStats> onNewInstance) {
        String address = address(settings);
        Instance instance = instances.computeIfAbsent(address, key -> {
            RateLimiter limiter = settings.newRateLimiter();
            Instance created = new Instance(limiter, new MarketoCallStats(instanceKey(key), limiter::stats));
            onNewInstance.accept(created.stats());
            return created;
        });
        return new SoapMarketoClient(settings, address, bus(), instance.limiter(), instance.stats(), clock);
    }

    /** The CXF bus every proxy of this factory uses, created on first use. */
    private synchronized Bus bus() {
        if (bus == null) {
            bus = CxfBuses.create();
        }
        return bus;
    }

    /** {@code soap:host[:port]}: the SOAP endpoint of an instance, distinct from its REST host's statistics. */
    private static String instanceKey(String address) {
        URI uri = URI.create(address);
        return "soap:" + (uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    }

    @Override
    public Map<String, MarketoCallStats> callStats() {
        Map<String, MarketoCallStats> result = new TreeMap<>();
        instances.values().forEach(instance -> result.put(instance.stats().getInstance(), instance.stats()));
        return result;
    }

    @Override
    public synchronized void close() {
        instances.clear();
        if (bus != null) {
            bus.shutdown(false);
            bus = null;
        }
    }
}
