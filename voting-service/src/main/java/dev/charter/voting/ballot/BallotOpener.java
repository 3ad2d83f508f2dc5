package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.roster.RosterReader;
import dev.charter.voting.ballot.BallotCommands.OpenBallot;
import dev.charter.voting.ballot.BallotCommands.Opened;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opens the ballot a request asks for: takes the body from the roster copy as it is now (the electorate is
 * frozen from it), draws the seed of the tie-break permutation and names the rules version in force.
 */
@Component
public class BallotOpener {

    private static final Logger log = LoggerFactory.getLogger(BallotOpener.class);

    private final CommandGateway commands;
    private final RosterReader roster;
    private final CharterProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public BallotOpener(CommandGateway commands, RosterReader roster, CharterProperties properties, Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
    }

    public Opened open(BallotRequest request) {
        BallotRequest canonical = BallotRequests.canonical(request);
        String ballotId = BallotIds.forRequest(canonical.requestId());
        BodySnapshot body = new BodySnapshot(
                roster.members(canonical.body(), canonical.moduleId(), canonical.affectedModules()),
                roster.lead().orElse(null), roster.conflictsOf(canonical.personsConcerned()));
        if (body.members().isEmpty()) {
            log.warn("Ballot {} of request {}: the roster copy has nobody in body {}{}; it closes with no quorum",
                    ballotId, canonical.requestId(), canonical.body(),
                    canonical.moduleId() == null ? "" : " of module " + canonical.moduleId());
        }
        Opened opened = commands.sendAndWait(new OpenBallot(ballotId, canonical, body, random.nextLong(),
                properties.getRulesVersion(), clock.instant()));
        if (opened.opened() == null) {
            log.info("Ballot {} of request {} is already open ({}); nothing new", ballotId, canonical.requestId(),
                    opened.status());
        } else {
            log.info("Opened ballot {} of request {} ({} {}): electorate {}, recused {}", ballotId,
                    canonical.requestId(), canonical.body(), canonical.method(), opened.opened().electorate(),
                    opened.opened().recusals().stream().map(r -> r.personId() + ":" + r.reason()).toList());
        }
        return opened;
    }
}
