package dev.charter.voting.web;

import dev.charter.api.voting.model.Ballot;
import dev.charter.api.voting.model.BallotBody;
import dev.charter.api.voting.model.BallotOutcome;
import dev.charter.api.voting.model.BallotRequestView;
import dev.charter.api.voting.model.BallotStatus;
import dev.charter.api.voting.model.BallotSummary;
import dev.charter.api.voting.model.BallotVeto;
import dev.charter.api.voting.model.Choice;
import dev.charter.api.voting.model.CloseReason;
import dev.charter.api.voting.model.DecisionMethod;
import dev.charter.api.voting.model.OptionCount;
import dev.charter.api.voting.model.Recusal;
import dev.charter.api.voting.model.RecusalReason;
import dev.charter.api.voting.model.Round;
import dev.charter.api.voting.model.Tally;
import dev.charter.api.voting.model.ThresholdBase;
import dev.charter.api.voting.model.Vote;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.voting.ballot.BallotViews.BallotSummaryView;
import dev.charter.voting.ballot.BallotViews.BallotView;
import dev.charter.voting.ballot.BallotViews.VoteView;
import dev.charter.voting.ballot.tally.Counted;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Maps the ballots read model and events to the API's models and back; no rules here. */
final class VotingMapping {

    private VotingMapping() {
    }

    static Ballot ballot(BallotView view) {
        return new Ballot(view.ballotId(), BallotStatus.fromValue(view.status().name()), request(view.request()),
                view.electorate(), view.recusals().stream().map(VotingMapping::recusal).toList(),
                view.votes().stream().map(VotingMapping::vote).toList(), tally(view.tally()), view.seed(),
                view.rulesVersion(), time(view.openedAt()))
                .lead(view.lead())
                .outcome(view.closeReason() == null ? null : BallotOutcome.fromValue(view.tally().outcome().name()))
                .closeReason(view.closeReason() == null ? null : CloseReason.fromValue(view.closeReason().name()))
                .decidedBy(view.decidedBy())
                .reasoning(view.reasoning())
                .cancelReason(view.cancelReason())
                .closedAt(time(view.closedAt()))
                .veto(view.veto() == null ? null : new BallotVeto(view.veto().vetoId(), view.veto().reasoning(),
                        view.veto().decidedBy(), time(view.veto().vetoedAt()), view.veto().url()));
    }

    static BallotSummary summary(BallotSummaryView view) {
        return new BallotSummary(view.ballotId(), BallotStatus.fromValue(view.status().name()), view.subjectKind(),
                view.subjectId(), view.question(), BallotBody.fromValue(view.body().name()),
                DecisionMethod.fromValue(view.method().name()), time(view.deadline()), time(view.openedAt()))
                .moduleId(view.moduleId())
                .closedAt(time(view.closedAt()))
                .outcome(view.outcome() == null ? null : BallotOutcome.fromValue(view.outcome().name()))
                .vetoId(view.vetoId());
    }

    static BallotRequestView request(BallotRequest request) {
        return new BallotRequestView(request.requestId(), request.subjectKind(), request.subjectId(),
                request.question(), BallotBody.fromValue(request.body().name()),
                DecisionMethod.fromValue(request.method().name()), time(request.deadline()),
                request.personsConcerned())
                .moduleId(request.moduleId())
                .affectedModules(request.affectedModules())
                .threshold(request.threshold())
                .base(request.base() == null ? null : ThresholdBase.fromValue(request.base().name()))
                .quorum(request.quorum())
                .options(request.options())
                .requestedBy(request.requestedBy());
    }

    static Recusal recusal(dev.charter.contracts.voting.Recusal recusal) {
        return new Recusal(recusal.personId(), RecusalReason.fromValue(recusal.reason().name()))
                .detail(recusal.detail());
    }

    static Vote vote(VoteView view) {
        return new Vote(view.voterId(), view.changed())
                .choice(view.choice() == null ? null : Choice.fromValue(view.choice().name()))
                .ranking(view.ranking())
                .comment(view.comment())
                .castAt(time(view.castAt()));
    }

    static Vote vote(VoteCast cast, Instant at) {
        return vote(new VoteView(cast.voterId(), cast.choice(), cast.ranking(), cast.comment(), cast.changed(), at));
    }

    static Tally tally(Counted counted) {
        var tally = counted.tally();
        return new Tally(BallotOutcome.fromValue(counted.outcome().name()), tally.electorate(), tally.recused(),
                tally.cast(), tally.yes(), tally.no(), tally.abstain(), tally.quorumMet(),
                tally.rounds().stream().map(VotingMapping::round).toList())
                .requiredYes(tally.required())
                .winner(tally.winner());
    }

    static Round round(dev.charter.contracts.voting.Round round) {
        return new Round(round.number(), round.counts().stream()
                .map(c -> new OptionCount(c.option(), c.votes())).toList(), round.tieBroken(), round.exhausted())
                .eliminated(round.eliminated());
    }

    static DecisionRule rule(dev.charter.api.voting.model.DecisionRule rule) {
        if (rule == null) {
            return null;
        }
        return new DecisionRule(dev.charter.contracts.voting.DecisionMethod.valueOf(rule.getMethod().getValue()),
                rule.getThreshold(),
                rule.getBase() == null ? null : dev.charter.contracts.voting.ThresholdBase.valueOf(rule.getBase().getValue()),
                rule.getQuorum());
    }

    static dev.charter.contracts.voting.Choice choice(Choice choice) {
        return choice == null ? null : dev.charter.contracts.voting.Choice.valueOf(choice.getValue());
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
