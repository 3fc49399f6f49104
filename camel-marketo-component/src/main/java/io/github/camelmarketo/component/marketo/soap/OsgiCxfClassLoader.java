package io.github.camelmarketo.component.marketo.soap;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The class loader CXF needs inside OSGi (Karaf). CXF 4 has no OSGi runtime support: a Bus reads every CXF module's
 * {@code META-INF/cxf/bus-extensions.txt}, and JAXB and Jakarta Activation find their implementations, through one
 * class loader, which in OSGi sees one bundle only. This loader asks the component bundle first (its classes, the
 * WSDL and the generated JAXB classes), then every installed CXF, JAXB and Angus bundle.
 * <p>
 * Only {@link CxfBuses} uses it, and only after it has checked that the component runs in OSGi: outside OSGi the
 * {@code org.osgi.framework} classes this class refers to are absent.
 */
final class OsgiCxfClassLoader extends ClassLoader {

    /** CXF's own bundles, or camel-karaf's camel-cxf-all, which embeds CXF (feature camel-marketo-upstream). */
    private static final List<String> BUNDLE_PREFIXES = List.of("org.apache.cxf", "org.apache.camel.karaf.camel-cxf",
            "org.glassfish.jaxb", "com.sun.istack", "org.eclipse.angus", "angus");

    private final List<Bundle> bundles;

    private OsgiCxfClassLoader(ClassLoader parent, List<Bundle> bundles) {
        super(parent);
        this.bundles = bundles;
    }

    /** A loader over the bundle of {@code anchor} and the CXF, JAXB and Angus bundles installed beside it. */
    static OsgiCxfClassLoader forBundleOf(Class<?> anchor) {
        Bundle own = FrameworkUtil.getBundle(anchor);
        BundleContext context = own != null ? own.getBundleContext() : null;
        if (context == null) {
            throw new IllegalStateException("The camel-marketo bundle is not active: cannot create a CXF bus");
        }
        List<Bundle> cxf = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && BUNDLE_PREFIXES.stream().anyMatch(name::startsWith)) {
                cxf.add(bundle);
            }
        }
        return new OsgiCxfClassLoader(anchor.getClassLoader(), List.copyOf(cxf));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (Bundle bundle : bundles) {
            try {
                return bundle.loadClass(name);
            } catch (ClassNotFoundException | IllegalStateException e) {
                // not in this bundle (or it was uninstalled): try the next
            }
        }
        throw new ClassNotFoundException(name + " (searched the camel-marketo bundle and " + bundles.size()
                                         + " CXF/JAXB/Angus bundles)");
    }

    @Override
    protected URL findResource(String name) {
        for (Bundle bundle : bundles) {
            URL url = bundle.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Bundle bundle : bundles) {
            Enumeration<URL> found = bundle.getResources(name);
            if (found != null) {
                urls.addAll(Collections.list(found));
            }
        }
        return Collections.enumeration(urls);
    }
}
