package org.wirearchive.batch.ingest;

import java.util.HexFormat;

/**
 * A 128-bit digest of an input listing: every file's name, size and modification time, in any order. Two listings
 * with the same digest are the same listing (a changed size or time, a file added, removed or renamed changes it); it
 * is not a defence against crafted collisions, which the freeze does not need (see {@code known_listing}).
 *
 * <p>Each file is hashed on its own into two independent 64-bit lanes (its name's chars, then its size and time,
 * mixed in with MurmurHash3's finaliser, a bijection), and the digest is the sum of the files' hashes: the order of
 * the files does not count, so a listing need not be sorted to be compared (a listing names each file once, and the
 * same files sort to the same list).
 */
final class ListingDigest {

    private long a = 0x243F6A8885A308D3L;
    private long b = 0x13198A2E03707344L;
    private int files;

    /** Adds the next file of the listing. */
    ListingDigest add(String name, long size, long modifiedMillis) {
        long h1 = 0xCBF29CE484222325L; // FNV-1a over the name's chars
        long h2 = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            h1 = (h1 ^ c) * 0x100000001B3L;
            h2 = (h2 + c) * 0xC6A4A7935BD1E995L;
        }
        a += mix(mix(mix(h1) ^ size) ^ modifiedMillis);
        b += mix(mix(mix(Long.rotateLeft(h2, 31) + name.length()) + modifiedMillis * 0xFF51AFD7ED558CCDL)
                + size * 0xC4CEB9FE1A85EC53L);
        files++;
        return this;
    }

    /** How many files were added. */
    int files() {
        return files;
    }

    /** The digest: 32 lowercase hex digits. */
    String hex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(mix(a ^ files)) + hex.toHexDigits(mix(b + files));
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
