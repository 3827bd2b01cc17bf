package org.wirearchive.batch.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request: security headers (a Content-Security-Policy that allows only the console's own assets), and the
 * checks of state-changing requests. {@code POST /api/**} needs {@code Authorization: Bearer <token>}; a form post
 * needs the CSRF value bound to its cookie, then the token in its {@code token} field. Without a configured token the
 * console is read-only and every action is refused.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class ConsoleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ConsoleFilter.class);
    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final Guard guard;

    public ConsoleFilter(Guard guard) {
        this.guard = guard;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/reports/")
                ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox" : CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            boolean api = path.startsWith("/api/");
            if (guard.readOnly()) {
                refuse(request, response, api, 403, "the console is read-only: it was started without a token "
                        + "(--token-file or WIREARCHIVE_CONSOLE_TOKEN)", "read-only");
                return;
            }
            if (api) {
                String presented = Guard.bearer(request);
                if (!guard.tokenMatches(presented)) {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"wirearchive\"");
                    refuse(request, response, true, 401, "an operator action needs Authorization: Bearer <token>",
                            presented == null ? "missing bearer token" : "wrong bearer token");
                    return;
                }
            } else {
                if (!guard.csrfValid(request)) {
                    refuse(request, response, false, 403, "the form's CSRF check failed: open the page again and "
                            + "resubmit", "missing or wrong CSRF value");
                    return;
                }
                String presented = request.getParameter(Guard.TOKEN_FIELD);
                if (!guard.tokenMatches(presented)) {
                    refuse(request, response, false, 401, "wrong or missing operator token",
                            presented == null || presented.isEmpty() ? "missing token" : "wrong token");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, int status,
                               String message, String why) throws IOException {
        log.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), why);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (api) {
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"status\":" + status + ",\"error\":\"" + Html.json(message) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(Html.page("Refused", "<h1>Refused (" + status + ")</h1><p class=\"err\">"
                    + Html.esc(message) + "</p><p><a href=\"/\">Nights</a></p>", null)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
