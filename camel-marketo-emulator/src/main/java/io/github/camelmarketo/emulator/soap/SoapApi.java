package io.github.camelmarketo.emulator.soap;

import java.net.URL;
import java.util.List;
import java.util.Set;

import javax.xml.namespace.QName;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.soap.mktows.MktowsPort;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletException;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * Marketo SOAP API (mktows 2_x) served by CXF from the shared WSDL on the emulator's single HTTP port: a
 * {@link CXFNonSpringServlet} in an Undertow servlet deployment under {@code /soap}, publishing {@link MktowsService}
 * at {@link #PATH}. {@code PATH?WSDL} returns the WSDL with the emulator's address, as the vendor's sample clients
 * expect. Each emulator has its own CXF {@link Bus}, released by {@link #stop()}.
 * <p>
 * Operations: getLead, getMultipleLeads, syncLead, syncMultipleLeads over the shared lead store; see
 * {@link MktowsService}, {@link MultipleLeadsQuery}, {@link LeadSync} and {@link RequestSignature} for the rules.
 */
public final class SoapApi {

    /** Path of the SOAP endpoint below the base URL. */
    public static final String PATH = "/soap/mktows/2_x";

    /** Workspaces every emulator knows (MktowsContextHeader.targetWorkspace); add more with {@link #addWorkspace}. */
    public static final Set<String> DEFAULT_WORKSPACES = Set.of("Default", "EMEA");

    private static final String CONTEXT_PATH = "/soap";
    private static final String NS = "http://www.marketo.com/mktows/";
    private static final QName SERVICE_NAME = new QName(NS, "MktMktowsApiService");
    private static final QName PORT_NAME = new QName(NS, "MktowsApiSoapPort");

    private final MarketoEmulator emulator;
    private final Workspaces workspaces = new Workspaces();
    private Bus bus;
    private Server server;
    private DeploymentManager deployment;

    public SoapApi(MarketoEmulator emulator) {
        this.emulator = emulator;
    }

    /** Registers this API's handlers on the emulator's single HTTP port. */
    public synchronized void mount(PathHandler paths) {
        stop();
        Bus callersBus = BusFactory.getThreadDefaultBus(false);
        bus = new CXFBusFactory().createBus();
        DestinationRegistry registry = new DestinationRegistryImpl();

        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setDestinationFactory(new HTTPTransportFactory(registry));
        factory.setServiceClass(MktowsPort.class);
        factory.setServiceBean(new MktowsService(new SoapCallGate(emulator), emulator.store(), workspaces));
        factory.setWsdlLocation(wsdl().toExternalForm());
        factory.setServiceName(SERVICE_NAME);
        factory.setEndpointName(PORT_NAME);
        factory.setAddress(PATH.substring(CONTEXT_PATH.length()));
        factory.getOutFaultInterceptors().add(new VendorFaultInterceptor(emulator.counters()));
        server = factory.create();
        // CXF makes the first bus it creates the JVM-wide default; clients in the same JVM (the component under
        // test) must not end up on the emulator's bus, which dies with the emulator
        if (BusFactory.getDefaultBus(false) == bus) {
            BusFactory.setDefaultBus(null);
        }
        BusFactory.setThreadDefaultBus(callersBus);

        CXFNonSpringServlet servlet = new CXFNonSpringServlet(registry, bus);
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(SoapApi.class.getClassLoader())
                .setContextPath(CONTEXT_PATH)
                .setDeploymentName("mktows-" + System.identityHashCode(this))
                .addServlet(Servlets.servlet("mktows", CXFNonSpringServlet.class, new ImmediateInstanceFactory<>(servlet))
                        .addInitParam("hide-service-list-page", "true")
                        .addMapping("/*")
                        .setLoadOnStartup(1));
        ServletContainer container = ServletContainer.Factory.newInstance();
        deployment = container.addDeployment(info);
        deployment.deploy();
        try {
            HttpHandler handler = deployment.start();
            paths.addPrefixPath(CONTEXT_PATH, handler);
        } catch (ServletException e) {
            throw new IllegalStateException("Cannot start the SOAP servlet", e);
        }
    }

    /** Makes {@code name} a valid {@code MktowsContextHeader.targetWorkspace} until the next {@link #reset()}. */
    public void addWorkspace(String name) {
        workspaces.add(name);
    }

    /**
     * The workspace names, sorted ignoring case; each has one lead partition of the same name (what REST
     * {@code leads/partitions.json} lists).
     */
    public List<String> workspaceNames() {
        return workspaces.names();
    }

    /** Forgets workspaces added by tests; the lead store is reset by the emulator. */
    public void reset() {
        workspaces.reset();
    }

    /** Releases the servlet deployment and the CXF bus when the emulator stops. */
    public synchronized void stop() {
        if (deployment != null) {
            try {
                deployment.stop();
            } catch (ServletException e) {
                // stopping anyway
            }
            deployment.undeploy();
            deployment = null;
        }
        if (server != null) {
            server.destroy();
            server = null;
        }
        if (bus != null) {
            bus.shutdown(true);
            bus = null;
        }
    }

    /** This emulator's private CXF bus (for tests). */
    synchronized Bus bus() {
        return bus;
    }

    private static URL wsdl() {
        URL url = SoapApi.class.getResource("/wsdl/mktows.wsdl");
        if (url == null) {
            throw new IllegalStateException("wsdl/mktows.wsdl is missing from the classpath");
        }
        return url;
    }
}
