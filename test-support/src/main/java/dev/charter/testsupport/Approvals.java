package dev.charter.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Approval assertions: the actual text must equal the approved file committed beside the tests.
 * Run with {@code -Dcharter.approve=true} to (re)write the approved files after a deliberate change,
 * then review the diff.
 */
public final class Approvals {

    private Approvals() {
    }

    public static boolean approving() {
        return Boolean.getBoolean("charter.approve");
    }

    public static void verify(Path approvedFile, String actual) {
        String normalized = actual.endsWith("\n") ? actual : actual + "\n";
        try {
            if (approving()) {
                Files.createDirectories(approvedFile.getParent());
                Files.writeString(approvedFile, normalized, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(approvedFile)) {
                fail("No approved file " + approvedFile + "; run with -Dcharter.approve=true to create it. Actual:\n"
                        + normalized);
            }
            assertThat(normalized)
                    .as("%s differs from the approved version (re-approve with -Dcharter.approve=true only "
                            + "for a deliberate change)", approvedFile)
                    .isEqualTo(Files.readString(approvedFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
