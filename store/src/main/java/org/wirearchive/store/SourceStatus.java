package org.wirearchive.store;

import java.util.Locale;

/** What became of an input, as {@code sources.status} stores it (the lower-case name). */
enum SourceStatus {
    /** Parsed and kept: the canonical copy of its article, or its only one. */
    ACCEPTED,
    /** Parsed, and a copy of another input's article ({@code duplicate_of}). */
    DUPLICATE,
    /** Not an article ({@code reason} says why). */
    REJECTED;

    /** The stored value. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a stored value. */
    static SourceStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
