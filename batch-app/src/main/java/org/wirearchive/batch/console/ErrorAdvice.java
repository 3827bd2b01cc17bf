package org.wirearchive.batch.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.wirearchive.batch.Refusal;

/** Turns refusals into answers: a JSON body {@code {status, error}} under /api, a short page elsewhere. */
@RestControllerAdvice
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    private final ConsoleSettings settings;

    public ErrorAdvice(ConsoleSettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<?> refused(ApiException e, HttpServletRequest request) {
        return answer(e.status(), e.getMessage(), request);
    }

    /** A service refused (state of the runs, the lock): 409. Unknown ids are answered 404 where they are looked up. */
    @ExceptionHandler(Refusal.class)
    public ResponseEntity<?> refusal(Refusal e, HttpServletRequest request) {
        return answer(409, Redact.secrets(e.getMessage()), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<?> missing(NoResourceFoundException e, HttpServletRequest request) {
        return answer(404, "not found: " + request.getRequestURI(), request);
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<?> method(Exception e, HttpServletRequest request) {
        return answer(405, request.getMethod() + " is not supported on " + request.getRequestURI(), request);
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<?> internal(RuntimeException e, HttpServletRequest request) {
        log.error("Console request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return answer(500, "internal error (see the log file)", request);
    }

    private ResponseEntity<?> answer(int status, String message, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(Html.page("Error " + status, "<h1>" + status + "</h1><p class=\"err\">" + Html.esc(message)
                        + "</p>", settings.readOnly() ? Pages.READ_ONLY : null));
    }
}
