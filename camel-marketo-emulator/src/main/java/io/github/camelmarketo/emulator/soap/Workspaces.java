package io.github.camelmarketo.emulator.soap;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import io.github.camelmarketo.emulator.soap.mktows.MktowsContextHeaderInfo;

/**
 * Workspace names the emulator knows ({@link SoapApi#DEFAULT_WORKSPACES} plus {@link SoapApi#addWorkspace(String)}),
 * matched ignoring case. Each workspace has one (primary) partition of the same name.
 */
final class Workspaces {

    private final Set<String> names = new ConcurrentSkipListSet<>(String.CASE_INSENSITIVE_ORDER);

    Workspaces() {
        reset();
    }

    void reset() {
        names.clear();
        names.addAll(SoapApi.DEFAULT_WORKSPACES);
    }

    void add(String name) {
        names.add(name);
    }

    /** The names, sorted ignoring case. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** The header's workspace in its canonical spelling, {@code null} without one; unknown names fault 20110. */
    String target(MktowsContextHeaderInfo context) {
        String requested = context == null ? null : MultipleLeadsQuery.value(context.getTargetWorkspace());
        if (requested == null || requested.isBlank()) {
            return null;
        }
        for (String name : names) {
            if (name.equalsIgnoreCase(requested.trim())) {
                return name;
            }
        }
        throw SoapFaults.fault(SoapFaults.BAD_PARAMETER,
                "MktowsContextHeader.targetWorkspace '" + requested + "' does not exist; known workspaces: " + names);
    }
}
