package dev.charter.voting.ballot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.Tally;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The JSON columns of the ballots projection (request, electorate, recusals, rankings, tally), written with
 * the same mapper as the events, so they read as the events do.
 */
@Component
class BallotJson {

    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final TypeReference<List<Recusal>> RECUSALS = new TypeReference<>() {
    };
    static final TypeReference<BallotRequest> REQUEST = new TypeReference<>() {
    };
    static final TypeReference<Tally> TALLY = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    BallotJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T read(String value, TypeReference<T> type) {
        try {
            return mapper.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the ballots projection", e);
        }
    }
}
