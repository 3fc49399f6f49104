package io.github.camelmarketo.component.marketo.soap;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.support.BoundedBodies;
import io.github.camelmarketo.component.support.ResponseTooLargeException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Caps a SOAP response at maxResponseSize: a {@code Content-Length} over the cap fails before the body is read, any
 * other body fails as soon as it goes past the cap (the same {@link BoundedBodies} the HTTP transports use). Installed
 * on the client's in and in-fault chains.
 */
final class ResponseSizeInterceptor extends AbstractPhaseInterceptor<Message> {

    private final long maxResponseSize;

    ResponseSizeInterceptor(long maxResponseSize) {
        super(Phase.RECEIVE);
        this.maxResponseSize = maxResponseSize;
    }

    @Override
    public void handleMessage(Message message) {
        long declared = contentLength(message);
        if (declared > maxResponseSize) {
            ResponseTooLargeException tooLarge = ResponseTooLargeException.declared(declared, maxResponseSize);
            throw new Fault(tooLarge);
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, BoundedBodies.bounded(in, maxResponseSize));
        }
    }

    private static long contentLength(Message message) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> header : map.entrySet()) {
                if ("Content-Length".equalsIgnoreCase(String.valueOf(header.getKey()))
                        && header.getValue() instanceof List<?> values && !values.isEmpty()) {
                    try {
                        return Long.parseLong(String.valueOf(values.get(0)).trim());
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }
}
