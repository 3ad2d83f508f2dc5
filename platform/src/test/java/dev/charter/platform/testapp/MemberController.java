package dev.charter.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
public class MemberController {

    public record JoinRequest(@NotBlank @Size(max = 20) String id, @Size(max = 50) String name) {
    }

    public record AffiliationRequest(String affiliation) {
    }

    private final CommandGateway commands;

    public MemberController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/v1/members")
    public ResponseEntity<Map<String, String>> join(@Valid @RequestBody JoinRequest request) {
        commands.sendAndWait(new Member.Join(request.id(), request.name() == null ? "" : request.name()));
        return ResponseEntity.created(java.net.URI.create("/api/v1/members/" + request.id())).body(Map.of("id", request.id()));
    }

    @PutMapping("/api/v1/members/{id}/affiliation")
    public Map<String, String> affiliation(@PathVariable("id") String id, @RequestBody AffiliationRequest request) {
        commands.sendAndWait(new Member.ChangeAffiliation(id, request.affiliation()));
        return Map.of("id", id, "affiliation", String.valueOf(request.affiliation()));
    }
}
