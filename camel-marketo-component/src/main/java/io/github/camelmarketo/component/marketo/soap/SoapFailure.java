package io.github.camelmarketo.component.marketo.soap;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoNotFoundException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.marketo.model.MarketoRateLimitException;
import io.github.camelmarketo.component.marketo.soap.mktows.ServiceException;
import io.github.camelmarketo.component.marketo.soap.mktows.ServiceExceptionDetail;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.transport.http.HTTPException;

/**
 * A failed SOAP call, classified once: the vendor code (from {@code serviceException.code} or the fault string),
 * what kind of failure it is for the retry decision, and the {@link MarketoException} a caller finally sees.
 */
final class SoapFailure {

    /** What a failure means for a retry. */
    enum Kind {
        /** 20023 rate limit, 20024 concurrency limit: nothing applied; wait and resend. */
        RATE_LIMITED,
        /** 20016 request expired: nothing applied; re-sign and resend. */
        EXPIRED,
        /** 20015 daily quota: never retried. */
        QUOTA,
        /** 20014 authentication failed: never retried. */
        AUTHENTICATION,
        /** 20103 lead not found, 20111 list not found. */
        NOT_FOUND,
        /** 20101-20106: the record itself was rejected (syncLead reports it as a FAILED result). */
        RECORD_REJECTED,
        /** 10001/20011 internal error, HTTP 5xx: a write may or may not have been applied. */
        TRANSIENT,
        /** The connection could not be opened: the request never left. */
        CONNECT_FAILED,
        /** The connection broke after the request was sent. */
        CONNECTION_LOST,
        /** Anything else (bad request, bad stream position, ...): never retried. */
        FATAL
    }

    private static final Set<String> RECORD_CODES = Set.of("20101", "20102", "20104", "20105", "20106");

    private final String operation;
    private final Kind kind;
    private final String code;
    private final String message;
    private final Throwable cause;

    private SoapFailure(String operation, Kind kind, String code, String message, Throwable cause) {
        this.operation = operation;
        this.kind = kind;
        this.code = code;
        this.message = message;
        this.cause = cause;
    }

    /** Classifies what the CXF proxy threw for {@code operation}. */
    static SoapFailure of(String operation, Throwable error) {
        if (error instanceof ServiceException fault) {
            ServiceExceptionDetail detail = fault.getFaultInfo();
            String code = detail != null && detail.getCode() != null ? detail.getCode() : codeOf(fault.getMessage());
            String message = detail != null && detail.getMessage() != null ? detail.getMessage() : fault.getMessage();
            return new SoapFailure(operation, kindOfCode(code), code, message, error);
        }
        if (error instanceof SOAPFaultException fault) {
            String text = fault.getFault() != null ? fault.getFault().getFaultString() : fault.getMessage();
            String code = codeOf(text);
            return new SoapFailure(operation, code == null ? Kind.FATAL : kindOfCode(code), code, text, error);
        }
        Integer status = httpStatus(error);
        if (status != null) {
            Kind kind = status >= 500 ? Kind.TRANSIENT : Kind.FATAL;
            return new SoapFailure(operation, kind, null, "HTTP " + status, error);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new SoapFailure(operation, Kind.CONNECT_FAILED, null, "cannot connect: " + t.getMessage(), error);
            }
            if (t instanceof SocketTimeoutException || t instanceof SocketException
                    || t instanceof java.io.IOException) {
                return new SoapFailure(operation, Kind.CONNECTION_LOST, null, "connection lost: " + t.getMessage(), error);
            }
        }
        return new SoapFailure(operation, Kind.FATAL, null, String.valueOf(error.getMessage()), error);
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

    private static Kind kindOfCode(String code) {
        if (code == null) {
            return Kind.FATAL;
        }
        return switch (code) {
            case "20023", "20024" -> Kind.RATE_LIMITED;
            case "20016" -> Kind.EXPIRED;
            case "20015" -> Kind.QUOTA;
            case "20014", "20013" -> Kind.AUTHENTICATION;
            case "20103", "20111" -> Kind.NOT_FOUND;
            case "10001", "20011" -> Kind.TRANSIENT;
            default -> RECORD_CODES.contains(code) ? Kind.RECORD_REJECTED : Kind.FATAL;
        };
    }

    Kind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    String message() {
        return message;
    }

    /** Whether a call that failed like this is sent again; writes only when nothing can have been applied. */
    boolean isRetryable(boolean write) {
        return switch (kind) {
            case RATE_LIMITED, EXPIRED, CONNECT_FAILED -> true;
            case TRANSIENT, CONNECTION_LOST -> !write;
            default -> false;
        };
    }

    /** The exception a caller sees when this failure is final. */
    MarketoException toException() {
        return switch (kind) {
            case AUTHENTICATION -> new MarketoAuthenticationException(operation, code, message, null,
                    "Check the SOAP userId and encryptionKey (Admin > Integration > SOAP API) and that the clock of this host is correct",
                    cause);
            case QUOTA -> new MarketoQuotaExceededException(operation, code, message, null,
                    "The daily SOAP quota is used up; calls succeed again after the quota resets (midnight US Central)", cause);
            case RATE_LIMITED -> new MarketoRateLimitException(operation, code, message, null,
                    "Still rate limited after the configured retries: lower rateLimitCalls/maxConcurrentCalls or raise maxRetries",
                    cause);
            case NOT_FOUND -> new MarketoNotFoundException(operation, code, message, null, null, cause);
            case CONNECT_FAILED, CONNECTION_LOST -> new MarketoException(operation, code, message, null,
                    "Check soapEndpoint/munchkinId and the network; reads are retried, writes only when nothing was sent", cause);
            default -> new MarketoException(operation, code, message, null, null, cause);
        };
    }
}
