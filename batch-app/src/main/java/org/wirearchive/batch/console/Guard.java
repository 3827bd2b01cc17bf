package org.wirearchive.batch.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The console's secrets and their checks: the operator's bearer token (compared in constant time) and the CSRF token
 * of the HTML forms, an HMAC under a per-process random key of a random value kept in a SameSite=Strict cookie.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class Guard {

    static final String CSRF_COOKIE = "wa_csrf";
    static final String CSRF_FIELD = "csrf";
    static final String TOKEN_FIELD = "token";

    private final ConsoleSettings settings;
    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();

    public Guard(ConsoleSettings settings) {
        this.settings = settings;
        random.nextBytes(key);
    }

    boolean readOnly() {
        return settings.readOnly();
    }

    /** Whether {@code presented} is the operator's token; false when none is configured. Constant time. */
    boolean tokenMatches(String presented) {
        if (settings.token() == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(settings.token()));
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).strip();
    }

    /** The CSRF value for a form on this request's page, setting the cookie it is bound to if there is none. */
    String csrfField(HttpServletRequest request, HttpServletResponse response) {
        String nonce = cookie(request);
        if (nonce == null) {
            byte[] b = new byte[24];
            random.nextBytes(b);
            nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            response.addHeader("Set-Cookie", CSRF_COOKIE + "=" + nonce + "; Path=/; HttpOnly; SameSite=Strict");
        }
        return hmac(nonce);
    }

    /** Whether a form post carries the CSRF value bound to its cookie. */
    boolean csrfValid(HttpServletRequest request) {
        String nonce = cookie(request);
        String field = request.getParameter(CSRF_FIELD);
        if (nonce == null || field == null) {
            return false;
        }
        return MessageDigest.isEqual(hmac(nonce).getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII));
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (CSRF_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9_-]{20,64}")) {
                return c.getValue();
            }
        }
        return null;
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
