package org.wirearchive.core.extract;

import java.util.List;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;

/**
 * Renders a {@link ParseOutcome} as one line of JSON (no library), the output of the {@code parse} command. Every
 * field is always present, {@code null} when unknown, in this order: {@code source, url, status, reason, reason_text,
 * format, menafn_doc_id, menafn_doc_date, menafn_article_no, menafn_provider_code, kuna_id, provider, provider_key, headline,
 * headline_source, published, published_source, crawl_date, dateline_city, byline, editor_initials, language, body,
 * body_sha256, warnings}. {@code status} is {@code ok} or {@code rejected}; {@code reason} is the reject code.
 */
public final class OutcomeJson {

    /** The field names, in output order. */
    public static final List<String> FIELDS = List.of("source", "url", "status", "reason", "reason_text", "format",
            "menafn_doc_id", "menafn_doc_date", "menafn_article_no", "menafn_provider_code", "kuna_id", "provider", "provider_key",
            "headline", "headline_source", "published", "published_source", "crawl_date", "dateline_city", "byline",
            "editor_initials", "language", "body", "body_sha256", "warnings");

    private OutcomeJson() {
    }

    /** One line of JSON, without a trailing line break. */
    public static String render(ParseOutcome outcome) {
        StringBuilder sb = new StringBuilder(512);
        sb.append('{');
        if (outcome instanceof ParseOutcome.Parsed p) {
            Article a = p.article();
            field(sb, "source", a.source());
            field(sb, "url", a.url());
            field(sb, "status", "ok");
            field(sb, "reason", null);
            field(sb, "reason_text", null);
            field(sb, "format", a.format());
            field(sb, "menafn_doc_id", a.menafnDocId() == null ? null : a.menafnDocId().canonical());
            field(sb, "menafn_doc_date", a.menafnDocId() == null ? null
                    : a.menafnDocId().date().map(Object::toString).orElse(null));
            number(sb, "menafn_article_no", a.menafnArticleNo());
            field(sb, "menafn_provider_code", a.menafnProviderCode());
            number(sb, "kuna_id", a.kunaId() == null ? null : a.kunaId().value());
            field(sb, "provider", a.provider());
            field(sb, "provider_key", a.providerKey());
            field(sb, "headline", a.headline());
            field(sb, "headline_source", a.headlineSource());
            field(sb, "published", a.published() == null ? null : a.published().iso());
            field(sb, "published_source", a.published() == null ? null : a.published().source().label());
            field(sb, "crawl_date", a.crawlDate() == null ? null : a.crawlDate().toString());
            field(sb, "dateline_city", a.datelineCity());
            field(sb, "byline", a.byline());
            field(sb, "editor_initials", a.editorInitials());
            field(sb, "language", a.language());
            field(sb, "body", a.body());
            field(sb, "body_sha256", a.bodySha256());
            list(sb, "warnings", a.warnings());
        } else if (outcome instanceof ParseOutcome.Rejected r) {
            field(sb, "source", r.source());
            field(sb, "url", r.url());
            field(sb, "status", "rejected");
            field(sb, "reason", r.reason().code());
            field(sb, "reason_text", r.message());
            for (String f : FIELDS.subList(5, FIELDS.size() - 1)) {
                field(sb, f, null);
            }
            list(sb, "warnings", List.of());
        }
        sb.setLength(sb.length() - 1); // last comma
        sb.append('}');
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            sb.append("null");
        } else {
            quote(sb, value);
        }
        sb.append(',');
    }

    private static void number(StringBuilder sb, String name, Long value) {
        sb.append('"').append(name).append("\":").append(value == null ? "null" : value.toString()).append(',');
    }

    private static void list(StringBuilder sb, String name, List<String> values) {
        sb.append('"').append(name).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, values.get(i));
        }
        sb.append("],");
    }

    /** {@code s} as a JSON string literal (see {@link #quote(StringBuilder, String)}). */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string: quotes, backslash and control characters escaped; U+2028/9 escaped. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
