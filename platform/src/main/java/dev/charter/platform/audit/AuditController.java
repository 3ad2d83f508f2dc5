package dev.charter.platform.audit;

import dev.charter.api.audit.AuditApi;
import dev.charter.api.audit.model.ChainHead;
import dev.charter.api.audit.model.ChainLink;
import dev.charter.api.audit.model.ChainPage;
import dev.charter.api.audit.model.ChainVerification;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The audit API every service serves over its own chain (DESIGN §4; api-contracts audit.yaml). */
@RestController
public class AuditController implements AuditApi {

    private final AuditChain chain;
    private final AuditVerifier verifier;

    public AuditController(AuditChain chain, AuditVerifier verifier) {
        this.chain = chain;
        this.verifier = verifier;
    }

    @Override
    public ResponseEntity<ChainPage> listChainedEvents(String after, Integer limit) {
        int size = Cursors.limit(limit);
        List<AuditChain.Link> links = chain.after(Cursors.decodePosition(after), size + 1);
        ChainPage page = new ChainPage(links.stream().limit(size).map(AuditController::link).toList());
        page.next(Cursors.next(links, size, AuditChain.Link::sequence));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<ChainHead> getChainHead() {
        return ResponseEntity.ok(chain.head()
                .map(head -> new ChainHead(head.sequence(), head.hash()).eventId(head.eventId()))
                .orElseGet(() -> new ChainHead(0L, AuditChain.GENESIS)));
    }

    @Override
    public ResponseEntity<ChainVerification> verifyChain() {
        return ResponseEntity.ok(verification(verifier.verifyIncrementally()));
    }

    @Override
    public ResponseEntity<ChainVerification> verifyWholeChain() {
        return ResponseEntity.ok(verification(verifier.verify()));
    }

    private static ChainVerification verification(AuditVerifier.Verdict verdict) {
        return new ChainVerification(verdict.valid(), verdict.checked(), verdict.length(), verdict.headHash(),
                verdict.unchained())
                .firstInvalidSequence(verdict.firstInvalidSequence()).problem(verdict.problem())
                .mode(ChainVerification.ModeEnum.fromValue(verdict.mode().name()))
                .fromSequence(verdict.fromSequence())
                .verifiedAt(time(verdict.verifiedAt()))
                .fullyVerifiedAt(time(verdict.fullyVerifiedAt()));
    }

    private static java.time.OffsetDateTime time(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    @Override
    public ResponseEntity<List<ChainLink>> getAggregateHistory(String aggregateId, Long after, Integer limit) {
        List<AuditChain.Link> links = chain.ofAggregate(aggregateId, after == null ? 0 : after, Cursors.limit(limit));
        if (links.isEmpty() && (after == null || after == 0)) {
            throw new GovernanceException.NotFound("no-such-aggregate",
                    "No chained event of '" + aggregateId + "' in this service.");
        }
        return ResponseEntity.ok(links.stream().map(AuditController::link).toList());
    }

    private static ChainLink link(AuditChain.Link link) {
        return new ChainLink(link.sequence(), link.eventId(), link.eventType(), link.aggregateId(),
                link.previousHash(), link.hash(), link.canonicalJson());
    }
}
