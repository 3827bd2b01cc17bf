package org.wirearchive.batch.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.wirearchive.core.article.DateSource;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.batch.ingest.InputFile;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.KunaId;
import org.wirearchive.core.article.MenafnDocId;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.Published;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;

/**
 * The staging form of one parsed file ({@link FileOutcomes}): what a worker writes to {@code parsed_files} and the
 * manager's store step reads back. A compact binary form (DataOutputStream), versioned by its first byte.
 *
 * <p>This is the only class that knows the fields of {@link Article}, {@link ParseOutcome} and {@link IndexedCopy}
 * for staging: when one of them changes, this class (and its round-trip test) changes with it, and {@link #VERSION}
 * goes up. Staged rows live only between a run's parse step and its store step, so an old version is never read by
 * a newer build unless a run is restarted across an upgrade; that fails loudly (rerun the date after the upgrade with
 * {@code --force}, or finish it with the old build).
 */
public final class ParsedFileCodec {

    /** The format version, the first byte of every payload (2: the publication time's offset). */
    static final int VERSION = 2;

    /** Written for a publication time without an offset. */
    private static final int NO_OFFSET = Integer.MIN_VALUE;

    private static final int PARSED = 'P';
    private static final int REJECTED = 'R';

    private ParsedFileCodec() {
    }

    public static byte[] encode(FileOutcomes file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            InputFile f = file.file();
            out.writeInt(f.seq());
            string(out, f.path());
            out.writeLong(f.sizeBytes());
            out.writeBoolean(f.modified() != null);
            if (f.modified() != null) {
                out.writeLong(f.modified().getTime());
                out.writeInt(f.modified().getNanos());
            }
            string(out, file.contentSha256());
            out.writeInt(file.outcomes().size());
            for (ParseOutcome o : file.outcomes()) {
                if (o instanceof ParseOutcome.Parsed p) {
                    out.writeByte(PARSED);
                    article(out, p.article());
                } else if (o instanceof ParseOutcome.Rejected r) {
                    out.writeByte(REJECTED);
                    string(out, r.source());
                    string(out, r.url());
                    string(out, r.reason().name());
                    string(out, r.message());
                }
            }
            out.writeInt(file.copies().size());
            for (IndexedCopy c : file.copies()) {
                copy(out, c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    public static FileOutcomes decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("a staged file in format version " + version + ", this build reads "
                        + VERSION + ": the run was parsed by another version of wirearchive");
            }
            int seq = in.readInt();
            String path = string(in);
            long size = in.readLong();
            Timestamp modified = null;
            if (in.readBoolean()) {
                modified = new Timestamp(in.readLong());
                modified.setNanos(in.readInt());
            }
            InputFile file = new InputFile(seq, path, size, modified);
            String sha = string(in);
            int n = in.readInt();
            List<ParseOutcome> outcomes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int tag = in.readUnsignedByte();
                if (tag == PARSED) {
                    outcomes.add(new ParseOutcome.Parsed(article(in)));
                } else if (tag == REJECTED) {
                    outcomes.add(new ParseOutcome.Rejected(string(in), string(in), RejectReason.valueOf(string(in)),
                            string(in)));
                } else {
                    throw new IllegalStateException("a staged outcome with the unknown tag " + tag);
                }
            }
            int c = in.readInt();
            List<IndexedCopy> copies = new ArrayList<>(c);
            for (int i = 0; i < c; i++) {
                copies.add(copy(in));
            }
            if (in.read() != -1) {
                throw new IllegalStateException("a staged file with trailing bytes");
            }
            return new FileOutcomes(file, sha, outcomes, copies);
        } catch (IOException e) {
            throw new IllegalStateException("a staged file is truncated or damaged: " + e, e);
        }
    }

    private static void article(DataOutputStream out, Article a) throws IOException {
        string(out, a.source());
        string(out, a.url());
        string(out, a.format());
        string(out, a.menafnDocId() == null ? null : a.menafnDocId().raw());
        nullableLong(out, a.menafnArticleNo());
        string(out, a.kunaId() == null ? null : a.kunaId().raw());
        string(out, a.provider());
        string(out, a.providerKey());
        string(out, a.headline());
        string(out, a.headlineSource());
        Published p = a.published();
        out.writeBoolean(p != null);
        if (p != null) {
            date(out, p.date());
            out.writeLong(p.time() == null ? -1 : p.time().toNanoOfDay());
            out.writeInt(p.offset() == null ? NO_OFFSET : p.offset().getTotalSeconds());
            string(out, p.source().label());
        }
        date(out, a.crawlDate());
        string(out, a.datelineCity());
        string(out, a.byline());
        string(out, a.editorInitials());
        string(out, a.language());
        string(out, a.body());
        string(out, a.bodySha256());
        out.writeInt(a.warnings().size());
        for (String w : a.warnings()) {
            string(out, w);
        }
    }

    private static Article article(DataInputStream in) throws IOException {
        String source = string(in);
        String url = string(in);
        String format = string(in);
        String docId = string(in);
        Long articleNo = nullableLong(in);
        String kuna = string(in);
        String provider = string(in);
        String providerKey = string(in);
        String headline = string(in);
        String headlineSource = string(in);
        Published published = null;
        if (in.readBoolean()) {
            LocalDate d = date(in);
            long nanos = in.readLong();
            int offset = in.readInt();
            published = new Published(d, nanos < 0 ? null : LocalTime.ofNanoOfDay(nanos),
                    offset == NO_OFFSET ? null : java.time.ZoneOffset.ofTotalSeconds(offset), DateSource.ofLabel(string(in)));
        }
        LocalDate crawl = date(in);
        String city = string(in);
        String byline = string(in);
        String initials = string(in);
        String language = string(in);
        String body = string(in);
        String bodySha = string(in);
        int w = in.readInt();
        List<String> warnings = new ArrayList<>(w);
        for (int i = 0; i < w; i++) {
            warnings.add(string(in));
        }
        return new Article(source, url, format, docId == null ? null : MenafnDocId.of(docId), articleNo,
                kuna == null ? null : KunaId.of(kuna), provider, providerKey, headline, headlineSource, published, crawl,
                city, byline, initials, language, body, bodySha, warnings);
    }

    private static void copy(DataOutputStream out, IndexedCopy c) throws IOException {
        string(out, c.source());
        string(out, c.articleKey());
        nullableLong(out, c.menafnArticleNo());
        nullableLong(out, c.kunaId());
        out.writeBoolean(c.providerKuna());
        string(out, c.origin().name());
        date(out, c.date());
        date(out, c.crawlDate());
        string(out, c.contentHash());
        string(out, c.headlineHash());
        out.writeInt(c.bodyLength());
        out.writeBoolean(c.complete());
        byte[] sig = c.minHash().toBytes();
        out.writeInt(sig.length);
        out.write(sig);
        out.writeInt(c.minHash().shingles());
    }

    private static IndexedCopy copy(DataInputStream in) throws IOException {
        String source = string(in);
        String key = string(in);
        Long menafn = nullableLong(in);
        Long kuna = nullableLong(in);
        boolean providerKuna = in.readBoolean();
        IndexedCopy.Origin origin = IndexedCopy.Origin.valueOf(string(in));
        LocalDate date = date(in);
        LocalDate crawl = date(in);
        String contentHash = string(in);
        String headlineHash = string(in);
        int bodyLength = in.readInt();
        boolean complete = in.readBoolean();
        byte[] sig = new byte[in.readInt()];
        in.readFully(sig);
        MinHash minHash = MinHash.fromBytes(sig, in.readInt());
        return new IndexedCopy(source, key, menafn, kuna, providerKuna, origin, date, crawl, contentHash, headlineHash,
                bodyLength, complete, minHash);
    }

    /** A string as its UTF-8 length (-1 for null) and bytes: no 64 KB limit as with writeUTF. */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void nullableLong(DataOutputStream out, Long v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v);
        }
    }

    private static Long nullableLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void date(DataOutputStream out, LocalDate d) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }
}
