package vn.parindex.dossier.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An SQL statement with named parameters ({@code :from}), for plain JDBC, which has positional ones only: each
 * occurrence becomes a {@code ?} bound to its name's value. A {@link LocalDate} binds as a date, a {@link List} as a
 * varchar array (created once per name). {@code ::} casts and quoted text are left alone.
 */
public final class NamedSql {

    private final String jdbc;
    private final List<String> names;

    private NamedSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    public static NamedSql of(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = sql.indexOf(ch, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed " + ch + " in " + sql);
                }
                jdbc.append(sql, i, end + 1);
                i = end;
            } else if (ch == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                jdbc.append("::");
                i++;
            } else if (ch == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(ch);
            }
        }
        return new NamedSql(jdbc.toString(), List.copyOf(names));
    }

    /** The statement as JDBC takes it, with {@code ?} for every occurrence of a name. */
    String jdbc() {
        return jdbc;
    }

    /** The name bound to each {@code ?}, in order. */
    List<String> names() {
        return names;
    }

    public PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement(jdbc);
    }

    /** Binds every occurrence; a name without a value is an error, not a silent null. */
    public void bind(PreparedStatement s, Map<String, ?> values) throws SQLException {
        Map<String, Array> arrays = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            switch (values.get(name)) {
                case LocalDate day -> s.setDate(i + 1, Date.valueOf(day));
                case List<?> list -> {
                    Array array = arrays.get(name);
                    if (array == null) {
                        array = s.getConnection().createArrayOf("varchar", list.toArray());
                        arrays.put(name, array);
                    }
                    s.setArray(i + 1, array);
                }
                case null -> s.setObject(i + 1, null);
                case Object other -> s.setObject(i + 1, other);
            }
        }
    }
}
