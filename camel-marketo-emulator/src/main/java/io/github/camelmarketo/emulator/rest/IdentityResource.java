package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.MarketoEmulator;

/**
 * {@code GET|POST /identity/oauth/token?grant_type=client_credentials&client_id=..&client_secret=..} (query or
 * form body): {@code {access_token, token_type, expires_in, scope}}, or HTTP 401 {@code invalid_client}.
 */
final class IdentityResource {

    static final String TOKEN_PATH = "/identity/oauth/token";

    private final MarketoEmulator emulator;
    private final TokenService tokens;

    IdentityResource(MarketoEmulator emulator, TokenService tokens) {
        this.emulator = emulator;
        this.tokens = tokens;
    }

    void register(Router router) {
        router.add("GET", TOKEN_PATH, this::token).add("POST", TOKEN_PATH, this::token);
    }

    RestResponse token(RestRequest request) {
        String grantType = request.param("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return oauthError(400, "invalid_request", "Missing grant type");
        }
        if (!"client_credentials".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant type '" + grantType + "'");
        }
        if (!same(emulator.getClientId(), request.param("client_id"))
            || !same(emulator.getClientSecret(), request.param("client_secret"))) {
            return oauthError(401, "invalid_client", "Bad client credentials");
        }
        TokenService.Issued issued = tokens.issue(emulator.settings().tokenTtl());
        ObjectNode body = Json.object();
        body.put("access_token", issued.token());
        body.put("token_type", "bearer");
        body.put("expires_in", issued.expiresIn());
        body.put("scope", "apiuser@" + emulator.getMunchkinId());
        return RestResponse.json(200, body);
    }

    private static RestResponse oauthError(int status, String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return RestResponse.json(status, body);
    }

    private static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
