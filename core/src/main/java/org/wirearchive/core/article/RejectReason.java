package org.wirearchive.core.article;

/** Why an input holds no article. Each code has a sentence a person understands. */
public enum RejectReason {
    EMPTY("empty", "the file is empty"),
    BINARY("binary", "the file is binary data, not text or HTML"),
    NO_ARTICLE("no-article-text", "no article body was found in the text"),
    UNSUPPORTED_CONTAINER("unsupported-container", "the container format is not supported"),
    TOO_LARGE("too-large", "the input is larger than the configured limit"),
    UNSAFE_ENTRY("unsafe-archive-entry", "the archive entry has an unsafe name"),
    DECOMPRESSION_LIMIT("decompression-limit", "decompressing it exceeded the safety limits"),
    CORRUPT("corrupt", "the file is damaged and cannot be read"),
    UNREADABLE("unreadable", "the file could not be read"),
    UNREADABLE_NAME("unreadable-name", "the file name is not valid in the file-name encoding, so it cannot be opened"),
    VANISHED("vanished", "the file was listed for the run but was gone (moved, renamed or deleted) when its turn came"),
    INTERNAL_ERROR("internal-error", "an unexpected error occurred while processing it");

    private final String code;
    private final String sentence;

    RejectReason(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    /** Stable code written to reports and the database. */
    public String code() {
        return code;
    }

    /** A default explanation; a rejection may carry a more specific message. */
    public String sentence() {
        return sentence;
    }
}
