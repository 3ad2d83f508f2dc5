package dev.charter.console.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    @DisplayName("R1: roles are named as the governance text names the bodies")
    void roles() {
        Labels labels = new Labels();

        assertThat(labels.role("LEAD", null)).isEqualTo("Lead core maintainer");
        assertThat(labels.role("CORE_MAINTAINER", null)).isEqualTo("Core maintainer");
        assertThat(labels.role("MODULE_MAINTAINER", "nn")).isEqualTo("Maintainer of nn");
    }

    @Test
    @DisplayName("R4, R12: thresholds and quorums read as percentages")
    void percent() {
        Labels labels = new Labels();

        assertThat(labels.percent(0.75)).isEqualTo("75 %");
        assertThat(labels.percent(2 / 3.0)).isEqualTo("66.7 %");
        assertThat(labels.percent(1.0)).isEqualTo("100 %");
    }
}
