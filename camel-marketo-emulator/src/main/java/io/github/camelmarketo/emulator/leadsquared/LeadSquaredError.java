package io.github.camelmarketo.emulator.leadsquared;

/**
 * A LeadSquared error answer: HTTP status plus the body {@code {"Status":"Error","ExceptionType","ExceptionMessage"}}.
 */
final class LeadSquaredError extends Exception {

    private final int status;
    private final String exceptionType;

    LeadSquaredError(int status, String exceptionType, String exceptionMessage) {
        super(exceptionMessage, null, false, false);
        this.status = status;
        this.exceptionType = exceptionType;
    }

    static LeadSquaredError badRequest(String message) {
        return new LeadSquaredError(400, "MXInvalidInputException", message);
    }

    static LeadSquaredError mandatoryMissing(String attribute) {
        return new LeadSquaredError(400, "MXMandatoryAttributeMissingException", "'" + attribute + "' is mandatory");
    }

    /** The error the vendor sends with {@code status} (used for injected HTTP faults). */
    static LeadSquaredError forStatus(int status) {
        return switch (status) {
            case 400 -> badRequest("The message body on the request is not as per API specification");
            case 401 -> unauthorized();
            case 404 -> notFound();
            case 429 -> new LeadSquaredError(429, "MXAPIRateLimitExceededException", "API calls exceeded the limit");
            default -> new LeadSquaredError(status, "MXUnknownException", "The API call failed (emulated HTTP " + status + ")");
        };
    }

    static LeadSquaredError unauthorized() {
        return new LeadSquaredError(401, "MXUnAuthorizedAccessException",
                "The API call was made with invalid access credentials. Check your AccessKey and SecretKey.");
    }

    static LeadSquaredError notFound() {
        return new LeadSquaredError(404, "MXAPINotFoundException", "The API could not be found. Please check the API signature.");
    }

    int status() {
        return status;
    }

    String exceptionType() {
        return exceptionType;
    }
}
