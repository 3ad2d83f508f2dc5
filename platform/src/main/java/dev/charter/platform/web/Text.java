package dev.charter.platform.web;

/** Small text normalisations of REST input and commands. */
public final class Text {

    private Text() {
    }

    /** Trimmed text, or null for null or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
