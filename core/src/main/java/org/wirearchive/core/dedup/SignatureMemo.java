package org.wirearchive.core.dedup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MinHash signatures of the most recently described bodies, by the SHA-256 of the body's comparison form: an
 * archive holds the same body many times (re-crawls, the same wire story in several layouts: 31% of the bodies of a
 * generated 100,000-page archive repeat one met fewer than 9,000 files before), and a signature is most of the cost
 * of describing a copy. The signature is a function of the comparison form alone, so a remembered one is exactly the
 * one that would be computed. Bounded (least recently used out first); safe for the parse threads to share.
 */
public final class SignatureMemo {

    /** ~570 bytes an entry (the hash's string, the signature, the map's entry): ~9 MB. */
    public static final int DEFAULT_CAPACITY = 16_384;

    private final Map<String, MinHash> recent;

    public SignatureMemo(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MinHash> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The signature of {@code comparisonForm}, whose SHA-256 hex is {@code contentHash}: remembered or computed. */
    public MinHash signature(String contentHash, String comparisonForm) {
        MinHash known;
        synchronized (recent) {
            known = recent.get(contentHash);
        }
        if (known != null) {
            return known;
        }
        MinHash computed = MinHash.ofComparisonForm(comparisonForm); // outside the lock: the costly part
        synchronized (recent) {
            recent.put(contentHash, computed);
        }
        return computed;
    }

    /** How many signatures it holds. */
    public int size() {
        synchronized (recent) {
            return recent.size();
        }
    }
}
