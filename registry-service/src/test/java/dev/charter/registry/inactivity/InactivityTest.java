package dev.charter.registry.inactivity;

import dev.charter.contracts.registry.NoticeWithdrawal;
import dev.charter.registry.inactivity.Inactivity.Notice;
import dev.charter.registry.inactivity.Inactivity.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** R14 as pure functions: when a maintainer is inactive, what a notice leads to. */
class InactivityTest {

    private static final Instant APPOINTED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    @DisplayName("R14: inactivity counts from the last activity, or from the appointment if that is later")
    void inactiveSince() {
        Instant active = Instant.parse("2025-06-01T00:00:00Z");
        assertThat(Inactivity.inactiveSince(active, APPOINTED)).isEqualTo(active);
        assertThat(Inactivity.inactiveSince(Instant.parse("2024-01-01T00:00:00Z"), APPOINTED)).isEqualTo(APPOINTED);
        assertThat(Inactivity.inactiveSince(null, APPOINTED)).isEqualTo(APPOINTED);
    }

    @Test
    @DisplayName("R14: inactive only when longer ago than the period, not at the period itself")
    void period() {
        assertThat(Inactivity.inactive(NOW.minus(Duration.ofDays(30)), 30, NOW)).isFalse();
        assertThat(Inactivity.inactive(NOW.minus(Duration.ofDays(30)).minusSeconds(1), 30, NOW)).isTrue();
    }

    @Test
    @DisplayName("R14: an inactive maintainer without a notice gets one; an active one nothing")
    void notice() {
        assertThat(Inactivity.assess(null, APPOINTED, 365, null, NOW)).isEqualTo(new Step.IssueNotice(APPOINTED));
        assertThat(Inactivity.assess(NOW.minus(Duration.ofDays(10)), APPOINTED, 365, null, NOW))
                .isEqualTo(new Step.None());
    }

    @Test
    @DisplayName("R14: during the grace period nothing happens; after it, without activity, emeritus")
    void grace() {
        Notice notice = new Notice("n-1", APPOINTED, NOW.plus(Duration.ofDays(1)));
        assertThat(Inactivity.assess(null, APPOINTED, 365, notice, NOW)).isEqualTo(new Step.None());
        assertThat(Inactivity.assess(null, APPOINTED, 365, notice, NOW.plus(Duration.ofDays(1))))
                .isEqualTo(new Step.MoveToEmeritus());
    }

    @Test
    @DisplayName("R14: activity newer than what the notice was based on withdraws it, even when reported late; a longer period too")
    void withdrawal() {
        Notice notice = new Notice("n-1", APPOINTED, NOW.plus(Duration.ofDays(30)));
        Instant active = NOW.minus(Duration.ofDays(3));
        assertThat(Inactivity.assess(active, APPOINTED, 365, notice, NOW))
                .isEqualTo(new Step.WithdrawNotice(NoticeWithdrawal.ACTIVITY, active));
        Instant olderButNewer = APPOINTED.plus(Duration.ofDays(10));
        assertThat(Inactivity.withdraws(notice, olderButNewer)).isTrue();
        assertThat(Inactivity.withdraws(notice, APPOINTED.minusSeconds(1))).isFalse();
        assertThat(Inactivity.assess(null, APPOINTED, 3650, notice, NOW))
                .isEqualTo(new Step.WithdrawNotice(NoticeWithdrawal.PERIOD_CHANGED, null));
    }
}
