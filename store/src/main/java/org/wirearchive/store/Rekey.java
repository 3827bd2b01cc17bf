package org.wirearchive.store;

/**
 * One re-key of a chunk: every copy of {@code oldKey} moves to {@code newKey} and stops being canonical. A chunk
 * records them in order; the database and the {@link DayCache} replay them in that order when the chunk commits.
 */
record Rekey(String newKey, String oldKey) {
}
