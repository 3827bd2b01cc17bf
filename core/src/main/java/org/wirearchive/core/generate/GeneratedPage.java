package org.wirearchive.core.generate;

/**
 * One page the generator produces, with its truth.
 *
 * @param file    the path relative to the archive directory, with {@code /} separators
 *                (e.g. {@code 2023-03-07/0000012_5f0c1a2b3c4d5e6f.txt})
 * @param storyId the story the page tells (pages with the same story id are the same article); null for bad files
 * @param kind    the kind of the story cluster ({@link StoryKind})
 * @param role    what this page is within the cluster (e.g. {@code original}, {@code recrawl-crlf}, {@code repost})
 * @param content the file's bytes as written (gzip-compressed for {@code .gz})
 * @param truth   what the page prints: the fields a correct reader extracts; null for bad files
 */
public record GeneratedPage(String file, String storyId, StoryKind kind, String role, byte[] content, PageTruth truth) {
}
