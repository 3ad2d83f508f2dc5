package dev.charter.platform.jdbc;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a projection's list, the way every list of the REST APIs reads (cursor pagination with
 * {@link dev.charter.platform.web.Cursors}): the rows after a position, in position order, narrowed by the filters
 * the request gave — a filter that was not given adds nothing.
 *
 * <pre>{@code
 * new PageQuery("SELECT * FROM veto", "seq", after)
 *         .equal("module_id", filter.moduleId())
 *         .equal("status", filter.status())
 *         .list(jdbc, limit, (rs, n) -> view(rs));
 * }</pre>
 */
public final class PageQuery {

    private final StringBuilder sql;
    private final String position;
    private final Map<String, Object> params = new LinkedHashMap<>();

    /**
     * @param select   the statement without its WHERE clause, e.g. {@code SELECT * FROM veto}
     * @param position the column that orders the rows and makes the cursor, e.g. {@code seq}
     * @param after    the position the page starts after (0 for the first page)
     */
    public PageQuery(String select, String position, long after) {
        this.sql = new StringBuilder(select).append(" WHERE ").append(position).append(" > :after");
        this.position = position;
        params.put("after", after);
    }

    /** {@code AND column = value}, when the value is given; an enum is compared by its name. */
    public PageQuery equal(String column, Object value) {
        return where(column + " = :" + parameter(column), parameter(column), value);
    }

    /**
     * A condition that names one parameter, e.g. {@code (respondent_module_id = :module OR disputant_module_id =
     * :module)}, added when the value is given; an enum is bound by its name.
     */
    public PageQuery where(String condition, String parameter, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.put(parameter, value instanceof Enum<?> constant ? constant.name() : value);
        }
        return this;
    }

    /** The page: at most {@code limit} rows in position order. */
    public <T> List<T> list(JdbcClient jdbc, int limit, RowMapper<T> rows) {
        return jdbc.sql(sql + " ORDER BY " + position + " LIMIT :limit").params(params).param("limit", limit)
                .query(rows).list();
    }

    private static String parameter(String column) {
        return column.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
