package io.github.camelmarketo.emulator.soap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.VendorLimits;
import io.github.camelmarketo.emulator.soap.mktows.AuthenticationHeaderInfo;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * What every SOAP call goes through before its operation runs, in the vendor's order: limits (20023 rate, 20024
 * concurrency, 20015 daily quota), then a fault queued by a test ({@link io.github.camelmarketo.emulator.core.FaultInjector}),
 * then the {@link RequestSignature} check. Records the outcome of every answered call in the
 * {@link io.github.camelmarketo.emulator.core.CallCounters}: {@code "200"}, the fault code, the injected HTTP status,
 * {@code "drop"} for a dropped connection, or {@code "applied-drop"} for a call applied and then dropped.
 */
final class SoapCallGate {

    private static final Logger LOG = LoggerFactory.getLogger(SoapCallGate.class);

    /**
     * Exchange key set once a call is counted: a call answered after its client gave up (latency) fails again while
     * its answer is written, and {@link VendorFaultInterceptor} must not count it a second time.
     */
    static final String COUNTED = SoapCallGate.class.getName() + ".counted";

    private final MarketoEmulator emulator;
    private final RequestSignature signature;

    SoapCallGate(MarketoEmulator emulator) {
        this.emulator = emulator;
        this.signature = new RequestSignature(emulator.getSoapUserId(), emulator.getSoapEncryptionKey(),
                emulator.settings().signatureSkew(), emulator.clock());
    }

    /**
     * Runs {@code operation} if the call is admitted and authenticated. Returns {@code null} when an injected fault
     * already answered the call at the HTTP level (status or dropped connection).
     */
    <T> T call(String operation, AuthenticationHeaderInfo auth, Supplier<T> work) {
        try (VendorLimits.Permit permit = emulator.limits().enter(Api.SOAP)) {
            if (!permit.allowed()) {
                throw SoapFaults.fault(codeOf(permit.verdict()));
            }
            Optional<Fault> injected = emulator.faults().next(Api.SOAP, operation);
            if (injected.isPresent() && answerInjected(operation, injected.get())) {
                return null;
            }
            signature.verify(auth);
            T result = work.get();
            if (injected.isPresent() && injected.get() instanceof Fault.ApplyThenDrop) {
                record(operation, "applied-drop");
                dropConnection();
                return null;
            }
            record(operation, "200");
            return result;
        } catch (SoapFault fault) {
            record(operation, String.valueOf(SoapFaults.codeOf(fault)));
            throw fault;
        } catch (RuntimeException e) {
            // a bug or unexpected input: answer like the vendor (no Java details on the wire), keep the cause in the log
            LOG.warn("SOAP {} failed", operation, e);
            record(operation, SoapFaults.INTERNAL_ERROR);
            throw SoapFaults.fault(SoapFaults.INTERNAL_ERROR);
        }
    }

    /** Applies an injected fault; true when the call has been answered (or dropped) and the operation must not run. */
    private boolean answerInjected(String operation, Fault fault) {
        if (fault instanceof Fault.VendorError error) {
            throw SoapFaults.fault(error.code());
        } else if (fault instanceof Fault.Latency latency) {
            sleep(latency.delay().toMillis());
            return false;
        } else if (fault instanceof Fault.HttpStatus status) {
            // count first: the client may read the counters as soon as it has the answer
            record(operation, Integer.toString(status.status()));
            writeStatus(status.status());
            return true;
        } else if (fault instanceof Fault.DropConnection) {
            record(operation, "drop");
            dropConnection();
            return true;
        }
        // ExpireTokens concerns REST tokens only: SOAP signs every request
        return false;
    }

    private void record(String operation, String code) {
        emulator.counters().record(Api.SOAP, operation, code);
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message != null && message.getExchange() != null) {
            message.getExchange().put(COUNTED, Boolean.TRUE);
        }
    }

    private static String codeOf(VendorLimits.Verdict verdict) {
        return switch (verdict) {
            case RATE_LIMITED -> SoapFaults.RATE_LIMIT_EXCEEDED;
            case CONCURRENCY_LIMITED -> SoapFaults.CONCURRENCY_LIMIT_EXCEEDED;
            case QUOTA_EXCEEDED -> SoapFaults.REQUEST_LIMIT_EXCEEDED;
            default -> SoapFaults.INTERNAL_ERROR;
        };
    }

    /** Answers with a bare HTTP error page (as a load balancer in front of the vendor would) and stops CXF. */
    private static void writeStatus(int status) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
        byte[] body = ("<html><body><h1>" + status + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            LOG.debug("Client went away before the injected HTTP {} was written", status, e);
        }
        message.getInterceptorChain().abort();
    }

    /** Closes the TCP connection without writing anything and stops CXF. */
    private static void dropConnection() {
        HttpServerExchange exchange = ServletRequestContext.requireCurrent().getExchange();
        IoUtils.safeClose(exchange.getConnection());
        PhaseInterceptorChain.getCurrentMessage().getInterceptorChain().abort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
