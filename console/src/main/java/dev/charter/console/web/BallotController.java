package dev.charter.console.web;

import dev.charter.client.voting.model.Ballot;
import dev.charter.client.voting.model.BallotPage;
import dev.charter.client.voting.model.BallotStatus;
import dev.charter.client.voting.model.Choice;
import dev.charter.client.voting.model.DecisionMethod;
import dev.charter.client.voting.model.LeadDecisionRequest;
import dev.charter.client.voting.model.RecusalRequest;
import dev.charter.client.voting.model.Vote;
import dev.charter.client.voting.model.VoteRequest;
import dev.charter.console.api.ApiCallException;
import dev.charter.console.api.ApiProblem;
import dev.charter.console.api.Calls;
import dev.charter.console.api.ServiceApis;
import dev.charter.console.security.Viewer;
import dev.charter.console.security.Viewers;
import dev.charter.console.view.Count;
import dev.charter.console.view.RoundsChart;
import dev.charter.console.view.TieBreakExplanation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Ballots: the list, and one ballot — its question, body and rule, the frozen electorate, recusals with their
 * reasons, every public vote with its comment, the live or final tally, and for ranked choice every round
 * drawn with its eliminations, exhausted ballots and the seeded tie-break explained. A member of the
 * electorate casts or changes their vote here, and the lead decides a ballot referred to them; voting-service
 * decides whether they may, and its refusal is shown next to the form.
 */
@Controller
public class BallotController {

    /** Which form a refusal belongs to. */
    enum Form { VOTE, RECUSAL, DECISION }

    /** How long a write may take to show in the ballot's view before the page is drawn anyway. */
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(3);
    private static final Duration READ_AGAIN = Duration.ofMillis(100);

    private final ServiceApis apis;
    private final Viewers viewers;
    private final PersonNames names;
    private final Clock clock;

    public BallotController(ServiceApis apis, Viewers viewers, PersonNames names, Clock clock) {
        this.apis = apis;
        this.viewers = viewers;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/ballots")
    public String ballots(@RequestParam(required = false) String status, @RequestParam(required = false) String after,
                          Model model) {
        BallotStatus filter = status == null || status.isBlank() ? null : BallotStatus.fromValue(status);
        var now = clock.instant();
        BallotPage page = Calls.call(ServiceApis.VOTING,
                () -> apis.ballots().listBallots(filter, null, null, null, null, after, 50));
        model.addAttribute("ballots", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("status", filter == null ? "" : filter.getValue());
        model.addAttribute("statuses", BallotStatus.values());
        model.addAttribute("reflects", now);
        return "ballots";
    }

    @GetMapping("/ballots/{ballotId}")
    public String ballot(@PathVariable String ballotId, HttpServletRequest request, Model model) {
        show(ballotId, request, model, null, null);
        return "ballot";
    }

    /** The part of a ballot's page that refreshes itself while the ballot is open (htmx). */
    @GetMapping("/ballots/{ballotId}/live")
    public String live(@PathVariable String ballotId, @RequestParam(required = false) String shown,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        Ballot ballot = show(ballotId, request, model, null, null);
        if (shown != null && !shown.equals(ballot.getStatus().getValue())) {
            // the ballot closed or was referred since the page was drawn: its forms change too, so reload it
            response.setHeader("HX-Refresh", "true");
        }
        return "ballot :: live";
    }

    @PostMapping("/ballots/{ballotId}/vote")
    public String vote(@PathVariable String ballotId, @RequestParam(required = false) String choice,
                       @RequestParam(required = false) List<String> ranking,
                       @RequestParam(required = false) String comment,
                       @RequestParam(required = false) String idempotencyKey,
                       HttpServletRequest request, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        Viewer viewer = viewers.current(request).orElse(null);
        VoteRequest vote = new VoteRequest().comment(blankToNull(comment));
        if (ranking != null) {
            vote.ranking(ranking.stream().filter(option -> option != null && !option.isBlank()).toList());
        } else if (choice != null && !choice.isBlank()) {
            vote.choice(Choice.fromValue(choice));
        }
        return act(ballotId, Form.VOTE, viewer, request, response, model, redirect, "Your vote is recorded.",
                () -> apis.ballots().castVote(ballotId, viewer.personId(), vote, idempotencyKey,
                        ServiceApis.bearer(viewer.token())),
                (recorded, ballot) -> ballot.getVotes().stream().anyMatch(shown -> sameVote(shown, (Vote) recorded)));
    }

    @PostMapping("/ballots/{ballotId}/recusal")
    public String recuse(@PathVariable String ballotId, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String idempotencyKey,
                         HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
        Viewer viewer = viewers.current(request).orElse(null);
        return act(ballotId, Form.RECUSAL, viewer, request, response, model, redirect, "You are recused.",
                () -> apis.ballots().recuse(ballotId, new RecusalRequest().reason(reason), idempotencyKey,
                        ServiceApis.bearer(viewer.token())),
                (recorded, ballot) -> ballot.getRecusals().stream()
                        .anyMatch(recusal -> viewer.personId().equals(recusal.getPersonId())));
    }

    @PostMapping("/ballots/{ballotId}/lead-decision")
    public String decide(@PathVariable String ballotId, @RequestParam(required = false) String choice,
                         @RequestParam(required = false) String reasoning,
                         @RequestParam(required = false) String idempotencyKey,
                         HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
        Viewer viewer = viewers.current(request).orElse(null);
        LeadDecisionRequest decision = new LeadDecisionRequest().reasoning(reasoning)
                .choice(choice == null || choice.isBlank() ? null : LeadDecisionRequest.ChoiceEnum.fromValue(choice));
        return act(ballotId, Form.DECISION, viewer, request, response, model, redirect, "Your decision is recorded.",
                () -> apis.ballots().decideAsLead(ballotId, decision, idempotencyKey, ServiceApis.bearer(viewer.token())),
                (recorded, ballot) -> ballot.getStatus() != BallotStatus.AWAITING_LEAD);
    }

    /**
     * Sends the person's request with their token. Done: back to the ballot (a reload does not send it again),
     * once the ballot's view shows what was done — voting-service updates it a moment after the write — or after
     * {@link #VISIBLE_WITHIN} at the most. Refused: the ballot as it is now, with the problem next to the form,
     * under the problem's status.
     */
    private String act(String ballotId, Form form, Viewer viewer, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes redirect, String done,
                       Calls.Call<?> call, BiPredicate<Object, Ballot> shows) {
        ApiProblem problem;
        if (viewer == null) {
            problem = new ApiProblem(HttpStatus.UNAUTHORIZED.value(), "Not signed in",
                    "Sign in to act as a member.", "unauthenticated", null, List.of());
        } else {
            try {
                Object recorded = Calls.call(ServiceApis.VOTING, call);
                awaitVisible(ballotId, ballot -> shows.test(recorded, ballot));
                redirect.addFlashAttribute("done", done);
                return "redirect:/ballots/" + UriUtils.encodePathSegment(ballotId, StandardCharsets.UTF_8)
                        + "#" + form.name().toLowerCase();
            } catch (ApiCallException refused) {
                problem = refused.problem();
            }
        }
        show(ballotId, request, model, form, problem);
        response.setStatus(problem.status() >= 400 && problem.status() < 600 ? problem.status() : 502);
        return "ballot";
    }

    private Ballot show(String ballotId, HttpServletRequest request, Model model, Form form, ApiProblem problem) {
        var now = clock.instant();
        Ballot ballot = Calls.call(ServiceApis.VOTING, () -> apis.ballots().getBallot(ballotId));
        Viewer viewer = viewers.current(request).orElse(null);
        String me = viewer == null ? null : viewer.personId();
        boolean ranked = ballot.getRequest().getMethod() == DecisionMethod.RANKED_CHOICE;
        List<Count.Round> rounds = Count.ofVoting(ballot.getTally().getRounds());
        Map<String, Vote> votes = new LinkedHashMap<>();
        ballot.getVotes().forEach(vote -> votes.put(vote.getVoterId(), vote));
        boolean member = me != null && ballot.getElectorate().contains(me);

        model.addAttribute("ballot", ballot);
        model.addAttribute("ranked", ranked);
        model.addAttribute("chart", RoundsChart.of(rounds, ranked, ballot.getTally().getWinner()));
        model.addAttribute("tieBreak", ranked ? TieBreakExplanation.of(value(ballot.getSeed()),
                ballot.getRequest().getOptions(), rounds) : null);
        model.addAttribute("votesByVoter", votes);
        model.addAttribute("names", names.names());
        model.addAttribute("member", member);
        model.addAttribute("recused", me != null && ballot.getRecusals().stream()
                .anyMatch(recusal -> me.equals(recusal.getPersonId())));
        boolean canVote = member && ballot.getStatus() == BallotStatus.OPEN;
        boolean canDecide = me != null && ballot.getStatus() == BallotStatus.AWAITING_LEAD && me.equals(ballot.getLead());
        model.addAttribute("canVote", canVote);
        model.addAttribute("canDecide", canDecide);
        model.addAttribute("myVote", me == null ? null : votes.get(me));
        model.addAttribute("rankingSlots", ranked ? rankingSlots(ballot, votes.get(me)) : List.of());
        model.addAttribute("choices", ballot.getRequest().getMethod() == DecisionMethod.SOLE_DECIDER
                ? List.of(Choice.YES, Choice.NO) : List.of(Choice.YES, Choice.NO, Choice.ABSTAIN));
        model.addAttribute("live", ballot.getStatus() == BallotStatus.OPEN
                || ballot.getStatus() == BallotStatus.AWAITING_LEAD);
        model.addAttribute("problemForm", form == null ? null : form.name());
        // a refusal whose form is no longer drawn (the ballot closed meanwhile) is shown on its own
        model.addAttribute("problemAlone", problem != null && !(form == Form.DECISION ? canDecide : canVote));
        model.addAttribute("problem", problem);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("reflects", now);
        return ballot;
    }

    /** Reads the ballot until it shows the write, for {@link #VISIBLE_WITHIN} at the most. */
    private void awaitVisible(String ballotId, Predicate<Ballot> visible) {
        long until = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (visible.test(apis.ballots().getBallot(ballotId))) {
                    return;
                }
                Thread.sleep(READ_AGAIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception unreadable) {
                return;
            }
        }
    }

    private static boolean sameVote(Vote shown, Vote recorded) {
        return shown.getVoterId().equals(recorded.getVoterId()) && shown.getChoice() == recorded.getChoice()
                && Objects.equals(orEmpty(shown.getRanking()), orEmpty(recorded.getRanking()))
                && Objects.equals(shown.getComment(), recorded.getComment());
    }

    private static List<String> orEmpty(List<String> ranking) {
        return ranking == null ? List.of() : ranking;
    }

    /** The ranking form: one place per option, each pre-set to the member's current ranking. */
    private static List<String> rankingSlots(Ballot ballot, Vote vote) {
        List<String> current = vote == null || vote.getRanking() == null ? List.of() : vote.getRanking();
        return java.util.stream.IntStream.range(0, ballot.getRequest().getOptions().size())
                .mapToObj(i -> i < current.size() ? current.get(i) : "").toList();
    }

    private static long value(Long seed) {
        return seed == null ? 0 : seed;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
