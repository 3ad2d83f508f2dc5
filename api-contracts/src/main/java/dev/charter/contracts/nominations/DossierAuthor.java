package dev.charter.contracts.nominations;

import java.util.List;

/**
 * Who added something to a nomination, with their role at that moment (recorded, since roles change).
 *
 * @param modules the modules they maintained at that moment
 */
public record DossierAuthor(String personId, Standing standing, List<String> modules) {
}
