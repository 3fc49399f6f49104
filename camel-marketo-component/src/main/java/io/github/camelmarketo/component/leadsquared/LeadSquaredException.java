package io.github.camelmarketo.component.leadsquared;

import org.apache.camel.RuntimeCamelException;

/**
 * A call LeadSquared refused or that could not be completed: the HTTP status (0 when no response arrived), the
 * vendor's {@code ExceptionType} and {@code ExceptionMessage}, and how many attempts were made. The message says what
 * failed and what to do; it never contains the access or secret key, nor the request URI that carries them.
 */
public class LeadSquaredException extends RuntimeCamelException {

    private final String operation;
    private final int httpStatus;
    private final String exceptionType;
    private final String exceptionMessage;
    private final int attempts;

    public LeadSquaredException(String operation, String host, int httpStatus, String exceptionType,
                                String exceptionMessage, int attempts, Throwable cause) {
        this(format(operation, host, httpStatus, exceptionType, exceptionMessage, attempts), cause, operation, httpStatus,
             exceptionType, exceptionMessage, attempts);
    }

    private LeadSquaredException(String message, Throwable cause, String operation, int httpStatus, String exceptionType,
                                 String exceptionMessage, int attempts) {
        super(message, cause);
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.exceptionType = exceptionType;
        this.exceptionMessage = exceptionMessage;
        this.attempts = attempts;
    }

    /**
     * A call the transport itself refused to complete (an answer over maxResponseSize, a server certificate that is
     * not trusted): the message says why, without the hints of an HTTP status.
     */
    static LeadSquaredException refusedByTransport(String operation, String host, String problem, int attempts,
                                                   Throwable cause) {
        return new LeadSquaredException("LeadSquared " + operation + " on " + host + " failed: " + problem, cause, operation,
                0, null, problem, attempts);
    }

    /**
     * A successful (HTTP 2xx) answer that is not the documented {@code {"RecordCount":n,"Leads":[{...}]}}: what was
     * wrong with it, or the vendor's error when the body is {@code {"Status":"Error",...}} despite the status.
     */
    static LeadSquaredException unexpectedAnswer(String operation, String host, int httpStatus, String exceptionType,
                                                 String problem, int attempts, Throwable cause) {
        StringBuilder sb = new StringBuilder("LeadSquared ").append(operation).append(" on ").append(host);
        if (exceptionType != null) {
            sb.append(" answered an error although the HTTP status was ").append(httpStatus).append(": ").append(exceptionType);
            if (problem != null) {
                sb.append(": ").append(problem);
            }
        } else {
            sb.append(" sent an answer that is not the documented {\"RecordCount\":n,\"Leads\":[{...}]}: ").append(problem)
                    .append(". Check that host/baseUrl points at the LeadSquared API (a proxy or captive portal may answer"
                            + " with another body)");
        }
        if (attempts > 1) {
            sb.append(" (after ").append(attempts).append(" attempts)");
        }
        return new LeadSquaredException(sb.toString(), cause, operation, httpStatus, exceptionType, problem, attempts);
    }

    private static String format(String operation, String host, int status, String type, String message, int attempts) {
        StringBuilder sb = new StringBuilder("LeadSquared ").append(operation).append(" on ").append(host).append(" failed");
        if (status > 0) {
            sb.append(" with HTTP ").append(status);
        }
        if (type != null) {
            sb.append(' ').append(type);
        }
        if (message != null) {
            sb.append(": ").append(message);
        }
        if (attempts > 1) {
            sb.append(" (after ").append(attempts).append(" attempts)");
        }
        String hint = hint(status);
        if (hint != null) {
            sb.append(sb.charAt(sb.length() - 1) == '.' ? " " : ". ").append(hint);
        }
        return sb.toString();
    }

    private static String hint(int status) {
        return switch (status) {
            case 0 -> "No response: check host/baseUrl and the network; raise maxRetries or socketTimeout if it is slow";
            case 400 -> "The request body was rejected: check the columns option (Include_CSV) and pageSize";
            case 401 -> "Check accessKey and secretKey (My Account > Settings > API and Webhooks) and that their user is active";
            case 404 -> "Check host (your account's regional API host, e.g. api-in21.leadsquared.com) or baseUrl";
            case 429 -> "Over the account's API rate: lower rateLimitCalls or raise rateLimitWindow, or stop other clients sharing the keys";
            default -> status >= 500 ? "The service failed; it was retried maxRetries times" : null;
        };
    }

    /** The component operation (e.g. {@code getLeadsByIds}). */
    public String getOperation() {
        return operation;
    }

    /** HTTP status of the last answer; 0 when none arrived (connection refused, reset, timeout). */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The vendor's {@code ExceptionType}, e.g. {@code MXInvalidInputException}; null when the body had none. */
    public String getExceptionType() {
        return exceptionType;
    }

    /** The vendor's {@code ExceptionMessage}, or the transport error's message. */
    public String getExceptionMessage() {
        return exceptionMessage;
    }

    /** Attempts made, retries included. */
    public int getAttempts() {
        return attempts;
    }
}
