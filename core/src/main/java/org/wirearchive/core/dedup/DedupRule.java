package org.wirearchive.core.dedup;

/** Why two copies are the same article; {@link #code()} is written to reports and the database. */
public enum DedupRule {
    /** The same MENAFN article number. */
    SAME_MENAFN_ID("same-menafn-id"),
    /** The same KUNA article id. */
    SAME_KUNA_ID("same-kuna-id"),
    /** A kuna.net.kw page and a MENAFN page from provider KUNA: same headline or near-identical body, dates within
     * the window. */
    KUNA_MENAFN_LINK("kuna-menafn-link"),
    /** The same comparison form of the body, dates within the window. */
    SAME_BODY("same-body"),
    /** A MinHash similarity of the bodies at or above the threshold, dates within the window. */
    NEAR_DUPLICATE("near-duplicate");

    private final String code;

    DedupRule(String code) {
        this.code = code;
    }

    /** The stable reason code. */
    public String code() {
        return code;
    }
}
