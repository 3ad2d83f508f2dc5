package dev.charter.auditor.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.charter.auditor.events.RecordedEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The auditor's own canonical JSON and chain hash, written from the published definition (README "Audit",
 * audit.yaml) and not from the platform's code:
 * <ul>
 *   <li>the hashed document of an event is an object with {@code id}, {@code type}, {@code subject} and
 *       {@code sequence} (the aggregate id and the {@code aggregatesequence} extension as a number, when the event
 *       has them), {@code time} (the CloudEvents time as a UTC instant: seconds always, a fraction only when not
 *       zero, in groups of three digits), {@code actor}, {@code correlationId}, {@code causationId},
 *       {@code rulesVersion} (the extensions of those names, when present) and {@code data};</li>
 *   <li>canonical JSON: object keys sorted (by UTF-16 code units, i.e. Java's {@code String} order) at every depth,
 *       no whitespace, numbers exactly as written in the data, strings with {@code "} and {@code \} escaped, the
 *       control characters as {@code \b \t \n \f \r} or {@code \\u00XX} (upper-case hex), everything else as is
 *       (UTF-8);</li>
 *   <li>{@code hash_n = SHA-256(hash_{n-1} as 64 lower-case hex ASCII characters || canonical JSON as UTF-8)},
 *       from 64 zeros.</li>
 * </ul>
 */
public final class Canonical {

    public static final String GENESIS = "0".repeat(64);
    private static final JsonFactory JSON = new JsonFactory();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String[] METADATA = {"actor", "actor", "correlationid", "correlationId",
            "causationid", "causationId", "rulesversion", "rulesVersion"};

    private Canonical() {
    }

    /** The canonical document of an event as published; throws {@link NotCanonical} when it cannot have one. */
    public static String document(RecordedEvent event) {
        StringBuilder out = new StringBuilder(event.data() == null ? 256 : event.data().length + 512);
        Map<String, Object> fields = new TreeMap<>();
        fields.put("id", require(event, "id"));
        fields.put("type", require(event, "type"));
        if (event.subject() != null) {
            fields.put("subject", event.subject());
        }
        String sequence = event.attribute("aggregatesequence");
        if (sequence != null) {
            try {
                fields.put("sequence", new Literal(Long.toString(Long.parseLong(sequence.trim()))));
            } catch (NumberFormatException e) {
                throw new NotCanonical("aggregatesequence '" + sequence + "' is not a number");
            }
        }
        fields.put("time", instant(require(event, "time")));
        for (int i = 0; i < METADATA.length; i += 2) {
            String value = event.attribute(METADATA[i]);
            if (value != null) {
                fields.put(METADATA[i + 1], value);
            }
        }
        if (event.data() == null) {
            throw new NotCanonical("it has no data");
        }
        fields.put("data", parse(event.data()));
        write(fields, out);
        return out.toString();
    }

    public static String hash(String previousHash, String canonicalJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical form of any JSON text. */
    public static String canonical(byte[] json) {
        StringBuilder out = new StringBuilder(json.length);
        write(parse(json), out);
        return out.toString();
    }

    static String instant(String time) {
        try {
            return OffsetDateTime.parse(time.trim()).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw new NotCanonical("time '" + time + "' is not an RFC 3339 timestamp");
        }
    }

    private static String require(RecordedEvent event, String attribute) {
        String value = event.attribute(attribute);
        if (value == null) {
            throw new NotCanonical("it has no " + attribute);
        }
        return value;
    }

    /** A number, true, false or null, written as it was read. */
    record Literal(String text) {
    }

    /** JSON into a tree of TreeMap, List, String and Literal. */
    static Object parse(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new NotCanonical("its data is empty");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new NotCanonical("its data has more than one JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new NotCanonical("its data is not JSON: " + e.getMessage());
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new TreeMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                return new Literal(parser.getText());
            }
            default -> throw new NotCanonical("unexpected JSON token " + token);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Literal literal) {
            out.append(literal.text());
        } else {
            string((String) value, out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** An event that has no canonical form (no id, no time, data that is not JSON…): it cannot be in a chain. */
    public static class NotCanonical extends RuntimeException {
        public NotCanonical(String message) {
            super(message);
        }
    }
}
