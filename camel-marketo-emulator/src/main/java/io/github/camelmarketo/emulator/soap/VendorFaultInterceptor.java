package io.github.camelmarketo.emulator.soap;

import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.CallCounters;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * Rewrites faults CXF raises itself (unparseable XML, unknown operation, unmarshalling errors: the request never
 * reached {@link MktowsService}) into the vendor's shape: 20019 for an operation outside the WSDL, 20012 (request
 * not understood) for the rest, and counts them. Faults that already carry a {@code serviceException} pass through.
 */
final class VendorFaultInterceptor extends AbstractPhaseInterceptor<Message> {

    private final CallCounters counters;

    VendorFaultInterceptor(CallCounters counters) {
        super(Phase.PRE_LOGICAL);
        this.counters = counters;
    }

    @Override
    public void handleMessage(Message message) {
        Exception exception = message.getContent(Exception.class);
        if (exception == null || SoapFaults.codeOf(exception) != null
                || message.getExchange() != null && message.getExchange().get(SoapCallGate.COUNTED) != null) {
            return;
        }
        String reason = firstLine(exception.getMessage());
        String code = reason.contains("was not recognized") ? "20019" : SoapFaults.REQUEST_NOT_UNDERSTOOD;
        SoapFault fault = SoapFaults.fault(code, SoapFaults.title(code) + ": " + reason);
        message.setContent(Exception.class, fault);
        counters.record(Api.SOAP, operation(message.getExchange()), code);
    }

    private static String operation(Exchange exchange) {
        BindingOperationInfo operation = exchange == null ? null : exchange.getBindingOperationInfo();
        return operation == null ? "unknown" : operation.getName().getLocalPart();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "malformed request";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
