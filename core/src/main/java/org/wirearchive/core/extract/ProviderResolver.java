package org.wirearchive.core.extract;

import java.util.List;
import java.util.Optional;
import org.wirearchive.core.article.Warning;
import org.wirearchive.core.article.MenafnDocId;
import org.wirearchive.core.kuna.KunaUrl;
import org.wirearchive.core.menafn.ProviderWrapper;
import org.wirearchive.core.menafn.Providers;

/**
 * Resolves {@code provider} and {@code provider_key}, recording where they came from. First that applies: the
 * wrapper as printed, a known doc-id code, the dateline's agency tag, a {@code Source:} line or agency tail, the
 * KUNA site. Every source but the wrapper adds its warning ({@code provider-from-doc-id}, …).
 */
final class ProviderResolver {

    /** Where the provider came from; {@link #warning()} is the warning added, null for the wrapper. */
    enum Source {
        WRAPPER(null),
        DOC_ID(Warning.PROVIDER_FROM_DOC_ID),
        DATELINE(Warning.PROVIDER_FROM_DATELINE),
        SOURCE_LINE(Warning.PROVIDER_FROM_SOURCE_LINE),
        SITE(Warning.PROVIDER_FROM_SITE);

        private final Warning warning;

        Source(Warning warning) {
            this.warning = warning;
        }

        Warning warning() {
            return warning;
        }
    }

    /** The provider as printed, its key, and the source; all null when nothing applies. */
    record Resolved(String provider, String key, Source source) {
    }

    private ProviderResolver() {
    }

    static Resolved resolve(ProviderWrapper wrapper, MenafnDocId docId, Dateline dateline, String sourceLine,
                            boolean kunaSite, List<String> warnings) {
        Resolved r = pick(wrapper, docId, dateline, sourceLine, kunaSite);
        if (r.source() != null && r.source().warning() != null) {
            warnings.add(r.source().warning().code());
        }
        return r;
    }

    private static Resolved pick(ProviderWrapper wrapper, MenafnDocId docId, Dateline dateline, String sourceLine,
                                 boolean kunaSite) {
        if (wrapper != null) {
            return new Resolved(wrapper.provider(),
                    wrapper.editorial() ? Providers.MENAFN : Providers.key(wrapper.provider()), Source.WRAPPER);
        }
        Optional<Providers.Known> k = docId == null ? Optional.empty() : Providers.byCode(docId.providerCode());
        if (k.isPresent()) {
            return new Resolved(k.get().name(), k.get().key(), Source.DOC_ID);
        }
        k = dateline == null ? Optional.empty() : Providers.byTag(dateline.agency());
        if (k.isPresent()) {
            return new Resolved(k.get().name(), k.get().key(), Source.DATELINE);
        }
        if (sourceLine != null && !sourceLine.isEmpty()) {
            return new Resolved(sourceLine, Providers.key(sourceLine), Source.SOURCE_LINE);
        }
        if (kunaSite) {
            Providers.Known kuna = Providers.byKey(KunaUrl.PROVIDER_KEY).orElseThrow();
            return new Resolved(kuna.name(), kuna.key(), Source.SITE);
        }
        return new Resolved(null, null, null);
    }
}
