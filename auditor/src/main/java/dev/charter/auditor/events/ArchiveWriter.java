package dev.charter.auditor.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an archive: gzip, one CloudEvent per line in the CloudEvents JSON format. Every attribute and extension
 * is kept as it was read; the data is written byte for byte as published (as {@code data} when it is JSON, else
 * as {@code data_base64}). Where it was read travels as extensions {@code kafkatopic}, {@code kafkapartition},
 * {@code kafkaoffset} and {@code partitionkey} (the Kafka key; the CloudEvents partitioning extension), and any
 * other Kafka header in {@code kafkaheaders} (a JSON object of base64 values).
 */
public class ArchiveWriter implements EventSink, AutoCloseable {

    static final String TOPIC = "kafkatopic";
    static final String PARTITION = "kafkapartition";
    static final String OFFSET = "kafkaoffset";
    static final String KEY = "partitionkey";
    static final String HEADERS = "kafkaheaders";

    private static final JsonFactory JSON = new JsonFactory();
    private final OutputStream out;
    private long written;

    public ArchiveWriter(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
        } catch (IOException e) {
            throw new SourceException("Cannot write the archive " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(RecordedEvent event) {
        try {
            out.write(line(event).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long written() {
        return written;
    }

    /** One archive line, without its line feed. */
    public static String line(RecordedEvent event) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
                json.writeStringField(attribute.getKey(), attribute.getValue());
            }
            if (event.key() != null) {
                json.writeStringField(KEY, event.key());
            }
            json.writeStringField(TOPIC, event.topic());
            json.writeStringField(PARTITION, Integer.toString(event.partition()));
            json.writeStringField(OFFSET, Long.toString(event.offset()));
            if (!event.headers().isEmpty()) {
                StringWriter headers = new StringWriter();
                try (JsonGenerator h = JSON.createGenerator(headers)) {
                    h.writeStartObject();
                    for (Map.Entry<String, byte[]> header : event.headers().entrySet()) {
                        h.writeStringField(header.getKey(), Base64.getEncoder().encodeToString(header.getValue()));
                    }
                    h.writeEndObject();
                }
                json.writeStringField(HEADERS, headers.toString());
            }
            if (event.data() != null) {
                String data = event.dataText();
                if (isJson(data)) {
                    json.writeFieldName("data");
                    json.writeRawValue(data.strip());
                } else {
                    json.writeStringField("data_base64", Base64.getEncoder().encodeToString(event.data()));
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static boolean isJson(String text) {
        if (text.isBlank() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
