package dev.charter.platform.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.ThresholdBase;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * How Charter's tables store values, for every service's projections and copies (JDBC through Spring's
 * {@code JdbcClient}): instants as {@code timestamptz}, enums by name, a decision rule in four columns
 * {@code <prefix>_method, _threshold, _base, _quorum}, and lists and records as JSON text written with the event
 * mapper, so a stored tally or request reads back as the event's record. The static helpers need nothing; the
 * JSON ones need the auto-configured bean.
 */
public class Columns {

    public static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    public static final TypeReference<List<Recusal>> RECUSALS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public Columns(ObjectMapper eventMapper) {
        this.json = eventMapper;
    }

    /** The value as JSON text, or null. */
    public String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        return read(text, json.getTypeFactory().constructType(type));
    }

    public <T> T read(String text, Class<T> type) {
        return read(text, json.getTypeFactory().constructType(type));
    }

    private <T> T read(String text, JavaType type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored JSON as " + type, e);
        }
    }

    /** An instant as a {@code timestamptz} parameter, or null. */
    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A {@code timestamptz} column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** An enum as a parameter (its name), or null. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A column holding an enum's name, as the enum, or null. */
    public static <E> E enumOrNull(ResultSet rs, String column, Function<String, E> valueOf) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : valueOf.apply(value);
    }

    /** A double column that may be null. */
    public static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** An integer column that may be null. */
    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** A decision rule stored in the columns {@code <prefix>_method, _threshold, _base, _quorum}. */
    public static DecisionRule decisionRule(ResultSet rs, String prefix) throws SQLException {
        return new DecisionRule(DecisionMethod.valueOf(rs.getString(prefix + "_method")),
                doubleOrNull(rs, prefix + "_threshold"), enumOrNull(rs, prefix + "_base", ThresholdBase::valueOf),
                doubleOrNull(rs, prefix + "_quorum"));
    }

    /**
     * Binds a decision rule to the named parameters {@code :<prefix>_method, _threshold, _base, _quorum} of a
     * statement.
     */
    public static JdbcClient.StatementSpec decisionRule(JdbcClient.StatementSpec statement, String prefix,
                                                        DecisionRule rule) {
        return statement.param(prefix + "_method", rule.method().name())
                .param(prefix + "_threshold", rule.threshold())
                .param(prefix + "_base", name(rule.base()))
                .param(prefix + "_quorum", rule.quorum());
    }
}
