package org.wirearchive.core.generate;

import java.nio.file.Path;

/**
 * What {@link ArchiveGenerator#generate} wrote.
 *
 * @param archiveDir   the directory holding the pages
 * @param truthFile    the truth CSV ({@code file,story_id,kind,role,published,crawl_date})
 * @param filesWritten the number of pages written
 * @param stories      the number of distinct stories among them (the articles a perfect dedup finds)
 * @param duplicates   pages that repeat a story already counted (files minus stories minus bad files)
 * @param badFiles     pages that hold no article (a reader must reject them)
 * @param bytesWritten the bytes written for pages (compressed size for {@code .gz})
 */
public record GeneratorSummary(Path archiveDir, Path truthFile, long filesWritten, long stories, long duplicates,
                               long badFiles, long bytesWritten) {
}
