package dev.charter.dispute;

import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Links given with disputes, proposals and external decisions: absolute https URLs with a host. */
public final class Links {

    static final int MAX_LENGTH = 2000;
    static final int MAX_LINKS = 20;

    private Links() {
    }

    /** The URL, trimmed; a 400 problem naming the field if it is not an https URL. */
    public static String https(String value, String field) {
        String url = value == null ? "" : value.trim();
        if (url.isEmpty() || url.length() > MAX_LENGTH || !isHttps(url)) {
            throw new GovernanceException.BadInput("invalid-url", "'" + field + "' must be an https URL.")
                    .withViolations(List.of(Problems.violation(field, "must be an https URL")));
        }
        return url;
    }

    /** Distinct https links, in the order given; none for null. */
    public static List<String> https(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LINKS) {
            throw new GovernanceException.BadInput("too-many-links", "At most " + MAX_LINKS + " links.");
        }
        LinkedHashSet<String> links = new LinkedHashSet<>();
        values.forEach(value -> links.add(https(value, field)));
        return List.copyOf(new ArrayList<>(links));
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
