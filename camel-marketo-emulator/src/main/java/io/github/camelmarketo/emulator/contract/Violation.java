package io.github.camelmarketo.emulator.contract;

/**
 * One way a recorded call departs from the OpenAPI document.
 *
 * @param exchange the call
 * @param side     {@code request} or {@code response}
 * @param message  what is wrong, naming the parameter or the JSON location
 */
public record Violation(RecordedExchange exchange, String side, String message) {

    @Override
    public String toString() {
        return exchange.method() + " " + exchange.path() + " [" + side + "] " + message;
    }
}
