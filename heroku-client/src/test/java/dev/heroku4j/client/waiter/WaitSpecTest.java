package dev.heroku4j.client.waiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class WaitSpecTest {

    static final WaitSpec DYNO = WaitSpec.of("dyno", "state", List.of("up", "idle"), List.of("crashed", "down"),
            List.of("starting"), List.of(), "PT10M");

    @Test
    void phase_classifiesEveryGroup_andAnUnknownStateAsInProgress() {
        assertThat(DYNO.phase("up")).isEqualTo(WaitSpec.Phase.SUCCESS);
        assertThat(DYNO.phase("crashed")).isEqualTo(WaitSpec.Phase.FAILURE);
        assertThat(DYNO.phase("starting")).isEqualTo(WaitSpec.Phase.IN_PROGRESS);
        assertThat(DYNO.phase("restarting")).isEqualTo(WaitSpec.Phase.IN_PROGRESS);
        assertThat(DYNO.defaultDeadline()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void options_withoutADeadline_takeTheResourcesDefault() {
        assertThat(WaitOptions.defaults().deadlineFor(DYNO)).isEqualTo(Duration.ofMinutes(10));
        assertThat(WaitOptions.deadlineIn(Duration.ofSeconds(5)).deadlineFor(DYNO)).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> WaitOptions.defaults().interval(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("at most maxInterval");
    }
}
