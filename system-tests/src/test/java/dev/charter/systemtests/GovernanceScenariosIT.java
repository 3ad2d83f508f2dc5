package dev.charter.systemtests;

import dev.charter.client.nominations.invoker.ApiException;
import dev.charter.client.nominations.model.CandidacyRequest;
import dev.charter.client.nominations.model.ContributionsInput;
import dev.charter.client.nominations.model.DecisionOutcome;
import dev.charter.client.nominations.model.DecisionRequest;
import dev.charter.client.nominations.model.Election;
import dev.charter.client.nominations.model.ElectionStatus;
import dev.charter.client.nominations.model.ElectionSummary;
import dev.charter.client.nominations.model.GroundsInput;
import dev.charter.client.nominations.model.LetterRequest;
import dev.charter.client.nominations.model.Nomination;
import dev.charter.client.nominations.model.NominationKind;
import dev.charter.client.nominations.model.NominationRequest;
import dev.charter.client.nominations.model.NominationStatus;
import dev.charter.client.nominations.model.Role;
import dev.charter.client.nominations.model.TestimonialRequest;
import dev.charter.client.nominations.model.TestimonialStance;
import dev.charter.client.registry.model.ConflictDeclaration;
import dev.charter.client.registry.model.ConflictKind;
import dev.charter.client.registry.model.ConflictWithdrawal;
import dev.charter.client.registry.model.RosterMember;
import dev.charter.client.voting.model.Ballot;
import dev.charter.client.voting.model.BallotOutcome;
import dev.charter.client.voting.model.Choice;
import dev.charter.client.voting.model.OptionCount;
import dev.charter.client.voting.model.RecusalReason;
import dev.charter.client.voting.model.Round;
import dev.charter.client.voting.model.VoteRequest;
import dev.charter.auditor.CharterAudit;
import dev.charter.deploy.Services;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Governance end to end across registry, voting and nomination (the four services run together against one
 * PostgreSQL and one Kafka broker) driven only through their generated clients. The scenarios build on each other
 * (the lead removed in one is succeeded in the next), so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(1)
class GovernanceScenariosIT extends Scenarios {

    /** The core maintainers other than the lead. */
    private static final List<String> CORE = IntStream.rangeClosed(1, 27).mapToObj(i -> String.format("core%02d", i))
            .toList();

    @Test
    @Order(1)
    @DisplayName("R9, R16: a module-maintainer nomination is confirmed by the core maintainers at their quarterly review, then is in the roster and CODEOWNERS")
    void moduleMaintainerAtQuarterlyReview() throws Exception {
        String id = as("margaret").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("alan").moduleId("nn")
                .statement("Alan has carried the layers' refactoring.")
                .contributions(new ContributionsInput().summary("120 reviewed pull requests, the new Module API design.")
                        .addLinksItem("https://example.org/pulls?author=alan")), null).getId();
        Nomination scheduled = awaitNomination(id, n -> true);
        // scheduled for the next meeting; with a meeting every 15 seconds, that meeting may already have begun
        assertThat(scheduled.getStatus()).isIn(NominationStatus.SCHEDULED, NominationStatus.IN_REVIEW);
        assertThat(scheduled.getReviewCycle()).isNotNull();
        as("dennis").nominations().addTestimonial(id, new TestimonialRequest().stance(TestimonialStance.POSITIVE)
                .text("Thorough, kind reviews."), null);

        String ballotId = awaitOpenBallot(id);
        Ballot ballot = as(null).ballots().getBallot(ballotId);
        assertThat(ballot.getElectorate()).hasSize(28).contains("ada", "core01").doesNotContain("alan");
        voteYes(ballotId, CORE.subList(0, 15));
        awaitClosed(ballotId, BallotOutcome.CARRIED);

        awaitNomination(id, n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("core01").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.CONFIRMED)
                .reasoning("Depth of review and design work on the module, broad support."), null);
        assertThat(awaitNomination(id, n -> n.getStatus() == NominationStatus.CONFIRMED).getDecision().getBallotId())
                .isEqualTo(ballotId);

        await().atMost(PATIENCE).until(() -> ids(anonymous().modules().getModule("nn", null).getMaintainers())
                .contains("alan"));
        assertThat(anonymous().files().getCodeowners(null, null)).contains("/torch/nn/ @alan @dennis @margaret");
        assertThat(anonymous().persons().getTenure("alan").getEntries()).singleElement()
                .satisfies(e -> assertThat(e.getStartDecision().getReference()).isEqualTo(id));
    }

    @Test
    @Order(2)
    @DisplayName("R4, R9: a module group that runs its own process declines a nomination by its rule, with public reasoning")
    void declinedWithReasoning() throws Exception {
        String id = as("john").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("john").moduleId("vision")
                .contributions(new ContributionsInput().summary("Two small fixes.")), null).getId();
        String ballotId = awaitOpenBallot(id);
        assertThat(as(null).ballots().getBallot(ballotId).getElectorate())
                .containsExactlyInAnyOrder("dennis", "barbara", "frances");
        vote(ballotId, "dennis", Choice.NO);
        vote(ballotId, "barbara", Choice.NO);
        awaitClosed(ballotId, BallotOutcome.REJECTED);

        awaitNomination(id, n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("barbara").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.DECLINED)
                .reasoning("Not yet enough depth on the module; we encourage John to keep contributing."), null);
        Nomination declined = awaitNomination(id, n -> n.getStatus() == NominationStatus.DECLINED);
        assertThat(declined.getDecision().getReasoning()).contains("keep contributing");
        assertThat(declined.getDecision().getDecidedBy()).isEqualTo("barbara");
        assertThat(ids(anonymous().modules().getModule("vision", null).getMaintainers())).doesNotContain("john");
    }

    @Test
    @Order(3)
    @DisplayName("R10: a maintainer nominates themselves for removal; the core maintainers confirm it")
    void selfNominatedRemoval() throws Exception {
        String id = as("frances").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.REMOVAL).personId("frances").role(Role.MODULE_MAINTAINER).moduleId("vision")
                .grounds(new GroundsInput().activity("I no longer have time for the module.")), null).getId();
        String ballotId = awaitOpenBallot(id);
        voteYes(ballotId, CORE.subList(0, 15));
        awaitClosed(ballotId, BallotOutcome.CARRIED);
        awaitNomination(id, n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("core02").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.CONFIRMED)
                .reasoning("Frances asked to step down; thank you for years of work."), null);
        awaitNomination(id, n -> n.getStatus() == NominationStatus.CONFIRMED);
        await().atMost(PATIENCE).until(() -> !ids(anonymous().modules().getModule("vision", null).getMaintainers())
                .contains("frances"));
    }

    @Test
    @Order(4)
    @DisplayName("R10: in a removal, the subject and a core maintainer with a declared conflict of interest are recused")
    void conflictedCoreMaintainerRecused() throws Exception {
        as("core06").persons().declareConflict("core06", new ConflictDeclaration().otherPersonId("core05")
                .kind(ConflictKind.FILIAL).description("Siblings."), null);
        await().atMost(PATIENCE).until(() -> !anonymous().persons().getPerson("core05", null).getConflicts().isEmpty());
        system.awaitRosterCopies();

        String id = as("dennis").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.REMOVAL).personId("core05").role(Role.CORE_MAINTAINER)
                .grounds(new GroundsInput().changedDirection("Pushes against the agreed direction.")), null).getId();
        String ballotId = awaitOpenBallot(id);
        Ballot ballot = as(null).ballots().getBallot(ballotId);
        assertThat(ballot.getElectorate()).hasSize(26).doesNotContain("core05", "core06");
        assertThat(ballot.getRecusals()).anySatisfy(r -> {
            assertThat(r.getPersonId()).isEqualTo("core05");
            assertThat(r.getReason()).isEqualTo(RecusalReason.SUBJECT);
        }).anySatisfy(r -> {
            assertThat(r.getPersonId()).isEqualTo("core06");
            assertThat(r.getReason()).isEqualTo(RecusalReason.CONFLICT_OF_INTEREST);
        });

        voteNo(ballotId, CORE.subList(6, 20));
        awaitClosed(ballotId, BallotOutcome.REJECTED);
        awaitNomination(id, n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("core10").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.DECLINED)
                .reasoning("Disagreement is not unfitness."), null);
        awaitNomination(id, n -> n.getStatus() == NominationStatus.DECLINED);
        assertThat(ids(anonymous().roster().getRoster(null).getCoreMaintainers())).contains("core05");
    }

    @Test
    @Order(5)
    @DisplayName("R11: a core-maintainer nomination is decided by the lead alone, with letters of support")
    void coreMaintainerByLead() throws Exception {
        String id = as("margaret").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.CORE_MAINTAINER).personId("edsger")
                .statement("Edsger shaped the project's structure."), null).getId();
        as("dennis").nominations().addLetterOfSupport(id, new LetterRequest().text("Edsger's design reviews are the best."),
                null);
        String ballotId = awaitOpenBallot(id);
        assertThat(as(null).ballots().getBallot(ballotId).getElectorate()).containsExactly("ada");
        as("ada").ballots().castVote(ballotId, "ada", new VoteRequest().choice(Choice.YES)
                .comment("Edsger's judgement on structure is what the core needs."), null);
        awaitClosed(ballotId, BallotOutcome.CARRIED);
        awaitNomination(id, n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("ada").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.CONFIRMED)
                .reasoning("Strong letters from core and module maintainers."), null);
        awaitNomination(id, n -> n.getStatus() == NominationStatus.CONFIRMED);
        await().atMost(PATIENCE).until(() -> ids(anonymous().roster().getRoster(null).getCoreMaintainers())
                .contains("edsger"));
        system.awaitRosterCopies();
    }

    @Test
    @Order(6)
    @DisplayName("R12: removing the lead fails at 74 % of the seated core maintainers other than the lead, and passes at 75 %")
    void leadRemoval() throws Exception {
        // 28 core maintainers besides the lead (core01..core27 and edsger); core27 declares a conflict with the
        // lead, so the first ballot's base is 27: 20 yes is 74.07 %, short of ceil(0.75 x 27) = 21
        as("core27").persons().declareConflict("core27", new ConflictDeclaration().otherPersonId("ada")
                .kind(ConflictKind.ROMANTIC), null);
        await().atMost(PATIENCE).until(() -> !anonymous().persons().getPerson("ada", null).getConflicts().isEmpty());
        system.awaitRosterCopies();
        List<String> seated = new ArrayList<>(CORE.subList(0, 26));
        seated.add("edsger");

        String first = submitLeadRemoval("core01");
        String firstBallot = awaitOpenBallot(first);
        assertThat(as(null).ballots().getBallot(firstBallot).getElectorate()).hasSize(27).doesNotContain("ada", "core27");
        voteYes(firstBallot, seated.subList(0, 20));
        voteNo(firstBallot, seated.subList(20, 27));
        Ballot rejected = awaitClosed(firstBallot, BallotOutcome.REJECTED);
        assertThat(rejected.getTally().getYes()).isEqualTo(20);
        assertThat(rejected.getTally().getRequiredYes()).isEqualTo(21);
        awaitNomination(first, n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("core01").nominations().publishDecision(first, new DecisionRequest().outcome(DecisionOutcome.DECLINED)
                .reasoning("20 of 27 is 74 %, short of the 75 % super-majority."), null);
        awaitNomination(first, n -> n.getStatus() == NominationStatus.DECLINED);
        assertThat(anonymous().roster().getRoster(null).getLead().getPersonId()).isEqualTo("ada");

        // the conflict is withdrawn: the base is 28, and 21 yes is exactly 75 %
        String conflictId = anonymous().persons().getPerson("core27", null).getConflicts().get(0).getConflictId();
        as("core27").persons().withdrawConflict("core27", conflictId, new ConflictWithdrawal().reason("Over."), null);
        await().atMost(PATIENCE).until(() -> anonymous().persons().getPerson("ada", null).getConflicts().isEmpty());
        system.awaitRosterCopies();
        seated.add("core27");

        String second = submitLeadRemoval("core02");
        String secondBallot = awaitOpenBallot(second);
        assertThat(as(null).ballots().getBallot(secondBallot).getElectorate()).hasSize(28).doesNotContain("ada");
        voteYes(secondBallot, seated.subList(0, 21));
        Ballot carried = awaitClosed(secondBallot, BallotOutcome.CARRIED);
        assertThat(carried.getTally().getYes()).isEqualTo(21);
        assertThat(carried.getTally().getRequiredYes()).isEqualTo(21);
        awaitNomination(second, n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("core02").nominations().publishDecision(second, new DecisionRequest().outcome(DecisionOutcome.CONFIRMED)
                .reasoning("21 of 28 core maintainers, 75 %, voted to remove the lead."), null);
        awaitNomination(second, n -> n.getStatus() == NominationStatus.CONFIRMED);

        await().atMost(PATIENCE).until(() -> anonymous().roster().getRoster(null).getLead() == null);
        assertThat(ids(anonymous().roster().getRoster(null).getCoreMaintainers())).contains("ada");
    }

    @Test
    @Order(7)
    @DisplayName("R13: the core maintainers elect a new lead by ranked choice; every round is published and the winner becomes lead")
    void electsNewLead() throws Exception {
        ElectionSummary election = await().atMost(PATIENCE).until(
                () -> as(null).elections().listElections(true, null, 10).getItems().stream().findFirst().orElse(null),
                e -> e != null && e.getStatus() == ElectionStatus.CANDIDACY);
        for (String candidate : List.of("core01", "core02", "core03")) {
            as(candidate).elections().declareCandidacy(election.getId(), new CandidacyRequest().personId(candidate),
                    null);
        }
        Election voting = await().atMost(PATIENCE).until(() -> as(null).elections().getElection(election.getId()),
                e -> e.getStatus() == ElectionStatus.VOTING && !e.getBallots().isEmpty()
                        && "OPEN".equals(e.getBallots().get(0).getStatus().getValue()));
        String ballotId = voting.getBallots().get(0).getBallotId();
        Ballot ballot = as(null).ballots().getBallot(ballotId);
        List<String> electorate = ballot.getElectorate();
        assertThat(electorate).hasSize(29);

        // first preferences 12 / 9 / 8: no majority; core03 is eliminated and its 8 ballots go 6 to core02,
        // 2 to core01, so core02 wins the second round 15 to 14
        for (int i = 0; i < electorate.size(); i++) {
            List<String> ranking = i < 12 ? List.of("core01", "core02")
                    : i < 21 ? List.of("core02", "core01")
                    : i < 27 ? List.of("core03", "core02")
                    : List.of("core03", "core01");
            String voter = electorate.get(i);
            as(voter).ballots().castVote(ballotId, voter, new VoteRequest().ranking(ranking), null);
        }
        Ballot closed = awaitClosed(ballotId, BallotOutcome.CARRIED);
        List<Round> rounds = closed.getTally().getRounds();
        assertThat(rounds).hasSize(2);
        assertThat(counts(rounds.get(0))).containsExactly("core01=12", "core02=9", "core03=8");
        assertThat(rounds.get(0).getEliminated()).isEqualTo("core03");
        assertThat(counts(rounds.get(1))).containsExactly("core01=14", "core02=15");
        assertThat(closed.getTally().getWinner()).isEqualTo("core02");

        Election elected = await().atMost(PATIENCE).until(() -> as(null).elections().getElection(election.getId()),
                e -> e.getStatus() == ElectionStatus.ELECTED);
        assertThat(elected.getElectedLeadId()).isEqualTo("core02");
        await().atMost(PATIENCE).until(() -> anonymous().roster().getRoster(null).getLead() != null);
        RosterMember lead = anonymous().roster().getRoster(null).getLead();
        assertThat(lead.getPersonId()).isEqualTo("core02");
        assertThat(lead.getDecision().getEventType()).isEqualTo("LeadElected");
    }

    @Test
    @Order(8)
    @DisplayName("Audit: from an export of the streams alone, charter-audit all is clean and reconciles with the live "
            + "services; an event changed in the export is found")
    void auditsTheWholeHistory(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("charter-streams.jsonl.gz");
        String[] services = {"--registry", system.baseUri(Services.REGISTRY), "--voting",
                system.baseUri(Services.VOTING), "--nominations", system.baseUri(Services.NOMINATION), "--disputes",
                system.baseUri(Services.DISPUTE)};
        StringWriter report = new StringWriter();
        // the broker authenticates: the auditor reads as the read-only charter-auditor, from a client settings file
        Path kafkaConfig = dir.resolve("auditor.properties");
        java.util.Properties client = new java.util.Properties();
        system.auditorKafka().forEach((key, value) -> client.setProperty(key, String.valueOf(value)));
        try (var writer = Files.newBufferedWriter(kafkaConfig)) {
            client.store(writer, "charter-audit's Kafka client settings");
        }
        if (client.containsKey("sasl.jaas.config")) {
            assertThat(audit(report, "verify", "--bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                    "--topic-prefix", system.topicPrefix(), "--timeout", "PT3S")).as("without credentials").isEqualTo(2);
            assertThat(report.toString()).contains("--sasl-username");
        }
        // publication and consumption are asynchronous: the export reconciles once everything has been published
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            report.getBuffer().setLength(0);
            assertThat(audit(report, "export", "--bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                    "--kafka-config", kafkaConfig.toString(), "--topic-prefix", system.topicPrefix(),
                    "--output", archive.toString())).as(report.toString()).isZero();
            report.getBuffer().setLength(0);
            List<String> all = new ArrayList<>(List.of("all", "--archive", archive.toString()));
            all.addAll(List.of(services));
            assertThat(audit(report, all.toArray(String[]::new))).as(report.toString()).isZero();
        });
        assertThat(report.toString()).contains("CLEAN", "Closed ballots re-counted", "Decisions and their effects")
                .doesNotContain("DIFFERENT");

        List<String> lines = archiveLines(archive);
        int changed = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("Disagreement is not unfitness"))
                .findFirst().orElseThrow();
        lines.set(changed, lines.get(changed).replace("Disagreement is not unfitness", "Disagreement is unfitness"));
        Path tampered = dir.resolve("tampered.jsonl.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(tampered))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        report.getBuffer().setLength(0);
        assertThat(audit(report, "verify", "--archive", tampered.toString(), "--json")).isEqualTo(1);
        assertThat(report.toString()).contains("\"kind\" : \"TAMPERED\"", "\"stream\" : \"nominations\"");
    }

    // --- helpers

    private static int audit(StringWriter report, String... args) {
        PrintWriter out = new PrintWriter(report, true);
        return CharterAudit.run(out, out, args);
    }

    private static List<String> archiveLines(Path archive) throws Exception {
        try (var in = new GZIPInputStream(Files.newInputStream(archive))) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private static String submitLeadRemoval(String mover) throws Exception {
        return as(mover).nominations().submitNomination(new NominationRequest().kind(NominationKind.LEAD_REMOVAL)
                .grounds(new GroundsInput().changedDirection("The lead's direction no longer has the core's support.")),
                null).getId();
    }

    /** The nomination as nomination-service's read model shows it (eventually consistent: 404 until it has it). */
    private static Nomination awaitNomination(String id, Predicate<Nomination> condition) {
        return await().atMost(PATIENCE)
                .ignoreExceptionsMatching(e -> e instanceof ApiException api
                        && api.getCode() == 404)
                .until(() -> as(null).nominations().getNomination(id), condition::test);
    }

    /** The nomination's ballot, once voting-service has opened it (after the review meeting for R9/R10). */
    private static String awaitOpenBallot(String nominationId) {
        Nomination inReview = awaitNomination(nominationId, n -> n.getBallot() != null
                && "OPEN".equals(n.getBallot().getStatus().getValue()));
        return inReview.getBallot().getBallotId();
    }

    private static void voteNo(String ballotId, List<String> voters) throws Exception {
        for (String voter : voters) {
            vote(ballotId, voter, Choice.NO);
        }
    }

    private static List<String> counts(Round round) {
        return round.getCounts().stream().map((OptionCount c) -> c.getOption() + "=" + c.getVotes()).toList();
    }
}
