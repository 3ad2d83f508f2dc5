package dev.charter.auditor.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads an archive written by {@link ArchiveWriter} (or {@code charter-audit export}), line by line. */
public class ArchiveSource implements EventSource {

    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;

    public ArchiveSource(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return "archive " + file;
    }

    @Override
    public void readInto(EventSink sink, Progress progress) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SourceException("No archive at " + file);
        } catch (IOException e) {
            throw new SourceException("Cannot read the archive " + file + ": " + e.getMessage(), e);
        }
        progress.start("reading " + file.getFileName(), size);
        long lineNumber = 0;
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
             BufferedReader lines = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(counted, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                sink.accept(parse(line, lineNumber));
                if ((lineNumber & 1023) == 0) {
                    progress.advanceTo(counted.count);
                }
            }
            progress.advanceTo(size);
        } catch (ZipException e) {
            throw new SourceException("The archive " + file + " is not gzip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SourceException("Cannot read the archive " + file + " (line " + lineNumber + "): "
                    + e.getMessage(), e);
        } finally {
            progress.end();
        }
    }

    /** One archive line back into the event; a line that is not a JSON object stops the reading (exit 2). */
    public static RecordedEvent parse(String line, long lineNumber) {
        Map<String, String> attributes = new TreeMap<>();
        Map<String, byte[]> headers = new HashMap<>();
        byte[] data = null;
        String topic = "";
        int partition = -1;
        long offset = -1;
        String key = null;
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceException("Line " + lineNumber + " of the archive is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "data" -> {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getCharOffset();
                        data = line.substring(start, end).getBytes(StandardCharsets.UTF_8);
                    }
                    case "data_base64" -> data = Base64.getDecoder().decode(parser.getText());
                    case ArchiveWriter.TOPIC -> topic = parser.getText();
                    case ArchiveWriter.PARTITION -> partition = Integer.parseInt(parser.getText());
                    case ArchiveWriter.OFFSET -> offset = Long.parseLong(parser.getText());
                    case ArchiveWriter.KEY -> key = parser.getText();
                    case ArchiveWriter.HEADERS -> {
                        try (JsonParser h = JSON.createParser(parser.getText())) {
                            h.nextToken();
                            while (h.nextToken() == JsonToken.FIELD_NAME) {
                                String header = h.currentName();
                                h.nextToken();
                                headers.put(header, Base64.getDecoder().decode(h.getText()));
                            }
                        }
                    }
                    default -> {
                        if (value.isStructStart()) {
                            parser.skipChildren();
                        } else if (value != JsonToken.VALUE_NULL) {
                            attributes.put(name, parser.getText());
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException("Line " + lineNumber + " of the archive cannot be read: " + e.getMessage(), e);
        }
        return new RecordedEvent(Streams.streamOf(topic), topic, partition, offset, key, attributes, data, headers);
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
