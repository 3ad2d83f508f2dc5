package dev.charter.nomination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * How this service's tables store values: instants as {@code timestamptz}, lists and records as JSON text
 * written with the event mapper (so a stored tally reads back as the event's record).
 */
@Component
public class Columns {

    public static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public Columns(ObjectMapper defaultAxonObjectMapper) {
        this.json = defaultAxonObjectMapper;
    }

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

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A decision rule stored in the columns {@code <prefix>_method, _threshold, _base, _quorum}. */
    public static DecisionRule decisionRule(ResultSet rs, String prefix) throws SQLException {
        String base = rs.getString(prefix + "_base");
        return new DecisionRule(DecisionMethod.valueOf(rs.getString(prefix + "_method")),
                (Double) rs.getObject(prefix + "_threshold"), base == null ? null : ThresholdBase.valueOf(base),
                (Double) rs.getObject(prefix + "_quorum"));
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
