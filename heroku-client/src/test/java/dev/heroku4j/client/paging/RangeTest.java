package dev.heroku4j.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeTest {

    @Test
    void toHeaderValue_whenAllParts_rendersHerokuSyntax() {
        assertThat(Range.by("id").withMax(200).descending().toHeaderValue()).isEqualTo("id ..; max=200, order=desc");
        assertThat(Range.by("name").toHeaderValue()).isEqualTo("name ..");
        assertThat(Range.by("name").ascending().toString()).isEqualTo("name ..; order=asc");
        assertThat(Range.by("name").startingAt("my-app").withMax(10).toHeaderValue()).isEqualTo("name my-app..; max=10");
        assertThat(Range.by("id").startingAfter("01234567-89ab").toHeaderValue()).isEqualTo("id ]01234567-89ab..");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void withMax_whenOutside1To1000_failsClearly(int max) {
        assertThatThrownBy(() -> Range.by("id").withMax(max))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Range max must be within 1..1000, was " + max);
    }

    @Test
    void withMax_whenBounds_accepts() {
        assertThat(Range.by("id").withMax(1).max()).isEqualTo(1);
        assertThat(Range.by("id").withMax(1000).max()).isEqualTo(1000);
    }

    @Test
    void by_whenFieldHasSeparators_fails() {
        assertThatThrownBy(() -> Range.by("id; max=5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.by(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.by("id").startingAt("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equals_whenSameHeader_isEqual() {
        assertThat(Range.by("id").withMax(5)).isEqualTo(Range.by("id").withMax(5)).isNotEqualTo(Range.by("id"));
    }
}
