package org.wirearchive.core.extract;

import org.wirearchive.core.article.DateSource;
import java.time.LocalDateTime;
import java.util.List;
import org.wirearchive.core.article.MenafnDocId;
import org.wirearchive.core.article.Published;

/**
 * Trailer phase: after the body, the first MENAFN document id line and the first short time-stamp line (Arab site
 * footers).
 *
 * @param docId      the document id, or null
 * @param footerTime the footer time stamp, or null
 */
record Trailer(MenafnDocId docId, Published footerTime) {

    static Trailer read(List<String> lines, int from) {
        MenafnDocId docId = null;
        Published footerTime = null;
        for (int k = Math.min(from, lines.size()); k < lines.size(); k++) {
            String l = lines.get(k);
            if (l.isEmpty()) {
                continue;
            }
            if (docId == null && PageLines.isDocIdLine(l)) {
                int sp = l.indexOf(' ');
                docId = MenafnDocId.tryParse(sp < 0 ? l : l.substring(0, sp)).orElse(null);
                continue;
            }
            if (footerTime == null && l.length() <= 32) {
                LocalDateTime ts = DateText.numericTimestamp(l);
                if (ts != null) {
                    footerTime = DateText.hasTime(l) ? Published.at(ts, DateSource.TIMESTAMP)
                            : Published.on(ts.toLocalDate(), DateSource.TIMESTAMP);
                }
            }
        }
        return new Trailer(docId, footerTime);
    }
}
