package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InListsTests {

    @TempDir
    Path dir;

    @Test
    void slicesKeepEveryValueOnceInOrderAndHaveFewLengths() {
        Set<Integer> lengths = new TreeSet<>();
        for (int n = 0; n <= 2_100; n++) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(i * 7 + 3);
            }
            List<Integer> back = new ArrayList<>();
            for (List<Integer> slice : InLists.slices(values)) {
                assertThat(slice.size()).isBetween(1, InLists.SLICE);
                lengths.add(slice.size());
                // the padding repeats the slice's last value and nothing else
                List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(slice));
                assertThat(slice.subList(distinct.size(), slice.size())).allMatch(v -> v.equals(distinct.get(distinct.size() - 1)));
                back.addAll(distinct);
            }
            assertThat(back).as("n=%d", n).isEqualTo(values);
            List<Integer> plain = new ArrayList<>();
            InLists.unpaddedSlices(values).forEach(plain::addAll);
            assertThat(plain).isEqualTo(values);
        }
        assertThat(lengths).hasSizeLessThanOrEqualTo(14).contains(1, InLists.SLICE);
    }

    @Test
    void aPaddedListSelectsEachRowOnceAndTheLookupsShareFewStatementTexts() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"))) {
            lookUp(connection);
        }
    }

    private static void lookUp(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE t (name VARCHAR(40) PRIMARY KEY, n INTEGER NOT NULL)");
            st.execute("INSERT INTO t SELECT 'name-' || X, X FROM SYSTEM_RANGE(0, 1199)");
        }

        Random random = new Random(11);
        Set<String> texts = new HashSet<>();
        for (int round = 0; round < 300; round++) {
            int size = 1 + random.nextInt(round < 150 ? 520 : 1_100);
            Set<String> wanted = new LinkedHashSet<>();
            while (wanted.size() < size) {
                wanted.add("name-" + random.nextInt(1_300)); // some of them not in the table
            }
            List<String> found = new ArrayList<>();
            for (List<String> slice : InLists.slices(wanted)) {
                String sql = "SELECT name FROM t WHERE name IN (" + InLists.marks(slice.size()) + ")";
                texts.add(sql);
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    for (int i = 0; i < slice.size(); i++) {
                        ps.setString(i + 1, slice.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            Set<String> expected = new TreeSet<>();
            for (String w : wanted) {
                if (Integer.parseInt(w.substring(5)) < 1_200) {
                    expected.add(w);
                }
            }
            assertThat(found).as("round %d, %d values", round, size).hasSize(expected.size());
            assertThat(new TreeSet<>(found)).isEqualTo(expected);
        }
        assertThat(texts).hasSizeLessThanOrEqualTo(14);
    }
}
