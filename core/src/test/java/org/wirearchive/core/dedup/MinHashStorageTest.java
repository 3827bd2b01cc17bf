package org.wirearchive.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A signature kept in a shared int array compares exactly as the signature object does. */
class MinHashStorageTest {

    @Test
    void similarityAgainstAStoredSignatureEqualsTheObjectComparison() {
        Random random = new Random(11);
        String[] words = {"kuwait", "minister", "oil", "market", "said", "on", "the", "a", "council", "prices"};
        MinHash[] sigs = new MinHash[40];
        for (int i = 0; i < sigs.length; i++) {
            StringBuilder text = new StringBuilder();
            // bodies that share more or less: the first ones are variants of one text
            Random r = new Random(i < 20 ? 5 : i);
            for (int w = 0; w < 60; w++) {
                text.append(words[(i < 20 && random.nextInt(10) < 2) ? random.nextInt(words.length)
                        : r.nextInt(words.length)]).append(' ');
            }
            sigs[i] = MinHash.ofComparisonForm(text.toString().trim());
        }
        int[] pool = new int[3 + sigs.length * MinHash.HASHES];
        for (int i = 0; i < sigs.length; i++) {
            sigs[i].copyInto(pool, 3 + i * MinHash.HASHES);
        }
        int partial = 0;
        for (MinHash a : sigs) {
            for (int j = 0; j < sigs.length; j++) {
                double stored = a.similarity(pool, 3 + j * MinHash.HASHES);
                assertThat(stored).isEqualTo(a.similarity(sigs[j]));
                if (stored > 0 && stored < 1) {
                    partial++;
                }
            }
        }
        assertThat(partial).as("pairs that are neither identical nor disjoint were compared").isPositive();
    }
}
