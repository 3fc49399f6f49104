package io.github.camelmarketo.component.marketo.soap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoNotFoundException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.marketo.model.MarketoRateLimitException;
import io.github.camelmarketo.component.marketo.soap.mktows.ServiceException;
import io.github.camelmarketo.component.marketo.soap.mktows.ServiceExceptionDetail;
import io.github.camelmarketo.component.support.CallBudgetExceededException;
import io.github.camelmarketo.component.support.CallFailure;
import io.github.camelmarketo.component.support.FailureClassifier;
import io.github.camelmarketo.component.support.FailureKind;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.transport.http.HTTPException;

/**
 * The SOAP API's failures for the retry engine: what the CXF proxy threw (a {@code serviceException} fault, a SOAP
 * fault, an HTTP status, an I/O error) classified into a {@link FailureKind} with the vendor code, and the last
 * failure of a call turned into the {@link MarketoException} a caller sees.
 */
final class SoapErrors implements FailureClassifier {

    static final SoapErrors INSTANCE = new SoapErrors();

    private SoapErrors() {
    }

    @Override
    public CallFailure classify(Exception error) {
        if (error instanceof ServiceException fault) {
            ServiceExceptionDetail detail = fault.getFaultInfo();
            String code = detail != null && detail.getCode() != null ? detail.getCode() : codeOf(fault.getMessage());
            String message = detail != null && detail.getMessage() != null ? detail.getMessage() : fault.getMessage();
            return new CallFailure(kindOfCode(code), code, message, null, error);
        }
        if (!(error instanceof WebServiceException)) {
            return null;
        }

        if (error instanceof SOAPFaultException fault) {
            String text = fault.getFault() != null ? fault.getFault().getFaultString() : fault.getMessage();
            return new CallFailure(kindOfCode(codeOf(text)), codeOf(text), text, null, error);
        }
        Integer status = httpStatus(error);
        if (status != null) {
            FailureKind kind = status >= 500 ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
            return new CallFailure(kind, null, "HTTP " + status, null, error);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            // CXF reads an HTTP 500 as a SOAP fault; an HTML page there (a proxy's error page) is not one
            if (String.valueOf(t.getMessage()).contains("Response was of unexpected text/html ContentType")) {
                return new CallFailure(FailureKind.TRANSIENT, null, "the answer is an HTML page, not SOAP (an HTTP 500 "
                                                                   + "from a proxy or load balancer)", null, error);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new CallFailure(FailureKind.CONNECT_REFUSED, null, "cannot connect: " + t.getMessage(), null, error);
            }
            if (t instanceof IOException) {
                return new CallFailure(FailureKind.TIMEOUT, null, "connection lost: " + t.getMessage(), null, error);
            }
        }
        return new CallFailure(FailureKind.PERMANENT, null, String.valueOf(error.getMessage()), null, error);
    }

    private static Integer httpStatus(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HTTPException http) {
                return http.getResponseCode();
            }
        }
        return null;
    }

    /** The leading vendor code of a fault string such as {@code "20014 - Authentication failed"}. */
    static String codeOf(String faultString) {
        if (faultString == null) {
            return null;
        }
        String trimmed = faultString.trim();
        int end = 0;
        while (end < trimmed.length() && Character.isDigit(trimmed.charAt(end))) {
            end++;
        }
        return end >= 5 ? trimmed.substring(0, end) : null;
    }

    /** The kind a SOAP vendor code belongs to; 20016 (request expired) is a refused credential: re-sign and resend. */
    static FailureKind kindOfCode(String code) {
        return switch (code == null ? "" : code) {
            case "20023", "20024" -> FailureKind.RATE_LIMITED;
            case "20016" -> FailureKind.TOKEN;
            case "20015" -> FailureKind.QUOTA;
            case "10001", "20011" -> FailureKind.TRANSIENT;
            default -> FailureKind.PERMANENT;
        };
    }

    @Override
    public MarketoException toException(String operation, CallFailure failure, boolean write, int retries) {
        String code = failure.code();
        String message = failure.vendorMessage();
        Throwable cause = failure.getCause();
        if (failure.kind() == FailureKind.QUOTA) {
            return new MarketoQuotaExceededException(operation, code, message, null,
                    cause instanceof CallBudgetExceededException
                            ? "Nothing was sent: this component's own daily budget (maxDailyCalls) is spent"
                            : "The daily SOAP quota is used up; calls succeed again after the quota resets (midnight US Central)",
                    cause);
        }
        return switch (failure.kind()) {
            case RATE_LIMITED -> new MarketoRateLimitException(operation, code, message, null,
                    "Still rate limited after " + retries + " retries: lower rateLimitCalls/maxConcurrentCalls or raise maxRetries",
                    cause);
            case CONNECT_REFUSED, TIMEOUT -> new MarketoException(operation, code, message, null,
                    "Check soapEndpoint/munchkinId and the network; reads are retried, writes only when nothing was sent", cause);
            default -> switch (code == null ? "" : code) {
                case "20014", "20013" -> new MarketoAuthenticationException(operation, code, message, null,
                        "Check the SOAP userId and encryptionKey (Admin > Integration > SOAP API) and that the clock of this host is correct",
                        cause);
                case "20103", "20111" -> new MarketoNotFoundException(operation, code, message, null, null, cause);
                default -> new MarketoException(operation, code, message, null, null, cause);
            };
        };
    }
}
