package dev.charter.registry.web;

import dev.charter.api.registry.BootstrapApi;
import dev.charter.api.registry.model.ImportReport;
import dev.charter.platform.security.Actors;
import dev.charter.registry.bootstrap.RosterDocument;
import dev.charter.registry.bootstrap.RosterImporter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BootstrapController implements BootstrapApi {

    private final RosterImporter importer;

    public BootstrapController(RosterImporter importer) {
        this.importer = importer;
    }

    @Override
    public ResponseEntity<ImportReport> importRoster(String body, String idempotencyKey) {
        RosterImporter.Report report = importer.importRoster(RosterDocument.parse(body), Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportReport(report.importId(), report.persons(),
                report.modules(), report.appointments()));
    }
}
