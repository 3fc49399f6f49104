package io.github.camelmarketo.component.marketo.soap;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.common.classloader.ClassLoaderUtils;

/**
 * Creates the CXF bus of a SOAP client. Outside OSGi it is a plain new bus. Inside OSGi (Karaf) the bus loads its
 * extensions through {@link OsgiCxfClassLoader} and carries that loader as its {@code ClassLoader} extension, which
 * CXF itself installs as the thread context class loader while it creates a proxy and during every call (JAXB and
 * Jakarta Activation look their implementations up there).
 */
public final class CxfBuses {

    private CxfBuses() {
    }

    /** A new bus for one client; the caller shuts it down ({@code bus.shutdown(true)}) when the client closes. */
    public static Bus create() {
        if (!inOsgi(CxfBuses.class)) {
            return BusFactory.newInstance().createBus();
        }
        ClassLoader loader = OsgiCxfClassLoader.forBundleOf(CxfBuses.class);
        ClassLoaderUtils.ClassLoaderHolder previous = ClassLoaderUtils.setThreadContextClassloader(loader);
        try {
            ExtensionManagerBus bus = new ExtensionManagerBus(null, null, loader);
            bus.setExtension(loader, ClassLoader.class);
            bus.initialize();
            return bus;
        } finally {
            previous.reset();
        }
    }

    /** Whether {@code type} was loaded by an OSGi bundle; checked by name so that no OSGi class is needed. */
    static boolean inOsgi(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        for (Class<?> c = loader != null ? loader.getClass() : null; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                if ("org.osgi.framework.BundleReference".equals(implemented.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
