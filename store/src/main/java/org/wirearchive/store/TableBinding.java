package org.wirearchive.store;

import java.lang.reflect.RecordComponent;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * A store table as a record: the one place that maps the record's fields to the table's columns with their SQL types
 * (for the {@code INSERT} and the {@code UPDATE ... WHERE} first column) and reads a row back into the record. The
 * columns are listed in the order of the record's components, and the constructor checks that they match in number
 * and Java type (an enum is stored as text), so a column can be neither forgotten nor bound with the wrong type.
 *
 * @param <R> the record of one row
 */
final class TableBinding<R extends Record> {

    /** The SQL types the store's tables use, with the Java type of their values and how each is read. */
    enum SqlType {
        VARCHAR(Types.VARCHAR, String.class),
        BIGINT(Types.BIGINT, Long.class),
        INTEGER(Types.INTEGER, Integer.class),
        DOUBLE(Types.DOUBLE, Double.class),
        DATE(Types.DATE, LocalDate.class);

        final int jdbcType;
        final Class<?> javaType;

        SqlType(int jdbcType, Class<?> javaType) {
            this.jdbcType = jdbcType;
            this.javaType = javaType;
        }

        /** The parameter value JDBC is given (a date as {@link Date}). */
        Object parameter(Object value) {
            return this == DATE && value != null ? Date.valueOf((LocalDate) value) : value;
        }
    }

    /** One column: its name, its SQL type and the record's accessor that gives its value. */
    record Column<R>(String name, SqlType type, Function<R, ?> value) {
    }

    /** Reads one row's columns in order, each with its type (null stays null). */
    static final class Cells {
        private final ResultSet rs;
        private int next = 1;

        Cells(ResultSet rs) {
            this.rs = rs;
        }

        String string() throws SQLException {
            return rs.getString(next++);
        }

        Long bigint() throws SQLException {
            return rs.getObject(next++, Long.class);
        }

        Integer integer() throws SQLException {
            return rs.getObject(next++, Integer.class);
        }

        Double real() throws SQLException {
            return rs.getObject(next++, Double.class);
        }

        LocalDate date() throws SQLException {
            return rs.getObject(next++, LocalDate.class);
        }
    }

    /** Builds the record from the cells of one row, read in the columns' order. */
    interface Reader<R> {
        R read(Cells cells) throws SQLException;
    }

    private final String table;
    private final List<Column<R>> columns;
    private final RowMapper<R> mapper;
    private final String insertSql;
    private final String updateSql;

    @SafeVarargs
    TableBinding(Class<R> type, String table, Reader<R> reader, Column<R>... columns) {
        this.table = table;
        this.columns = List.of(columns);
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != columns.length) {
            throw new IllegalStateException(type.getSimpleName() + " has " + components.length + " fields, "
                    + table + " binds " + columns.length + " columns");
        }
        for (int i = 0; i < columns.length; i++) {
            Class<?> field = components[i].getType();
            boolean enumAsText = field.isEnum() && columns[i].type() == SqlType.VARCHAR;
            if (field != columns[i].type().javaType && !enumAsText) {
                throw new IllegalStateException(table + "." + columns[i].name() + " is " + columns[i].type()
                        + ", " + type.getSimpleName() + "." + components[i].getName() + " is "
                        + components[i].getType().getSimpleName());
            }
        }
        this.mapper = (rs, n) -> reader.read(new Cells(rs));
        List<String> names = this.columns.stream().map(Column::name).toList();
        this.insertSql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + InLists.marks(names.size()) + ")";
        StringBuilder sb = new StringBuilder("UPDATE " + table + " SET ");
        for (int i = 1; i < names.size(); i++) {
            sb.append(i > 1 ? ", " : "").append(names.get(i)).append(" = ?");
        }
        this.updateSql = sb.append(" WHERE ").append(names.get(0)).append(" = ?").toString();
    }

    static <R> Column<R> column(String name, SqlType type, Function<R, ?> value) {
        return new Column<>(name, type, value);
    }

    /** {@code SELECT} of every column, in order, up to the {@code WHERE} (exclusive). */
    String select() {
        return "SELECT " + String.join(", ", columns.stream().map(Column::name).toList()) + " FROM " + table;
    }

    RowMapper<R> mapper() {
        return mapper;
    }

    /** Inserts the rows with one JDBC batch. */
    void insert(JdbcTemplate jdbc, Collection<R> rows) {
        batch(jdbc, insertSql, rows, false);
    }

    /** Rewrites every column but the first of the rows, keyed on the first, with one JDBC batch. */
    void update(JdbcTemplate jdbc, Collection<R> rows) {
        batch(jdbc, updateSql, rows, true);
    }

    private void batch(JdbcTemplate jdbc, String sql, Collection<R> rows, boolean keyLast) {
        if (rows.isEmpty()) {
            return;
        }
        List<R> list = new ArrayList<>(rows);
        jdbc.batchUpdate(sql, list, list.size(), (ps, row) -> bind(ps, row, keyLast));
    }

    private void bind(PreparedStatement ps, R row, boolean keyLast) throws SQLException {
        int n = columns.size();
        for (int i = 0; i < n; i++) {
            int at = keyLast ? (i == 0 ? n : i) : i + 1;
            Column<R> c = columns.get(i);
            StatementCreatorUtils.setParameterValue(ps, at, c.type().jdbcType, c.type().parameter(c.value().apply(row)));
        }
    }
}
