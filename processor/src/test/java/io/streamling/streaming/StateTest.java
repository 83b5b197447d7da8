package io.streamling.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The State API with Spark's rules and messages. */
class StateTest {

    @Test
    void shouldFailToGetAStateThatIsNotSet() {
        State<Integer> state = new State<>(Optional.empty(), false);

        assertThat(state.exists()).isFalse();
        assertThat(state.getOption()).isEmpty();
        assertThat(state).hasToString("<state not set>");
        assertThatThrownBy(state::get).isInstanceOf(NoSuchElementException.class).hasMessage("State is not set");
    }

    @Test
    void shouldRefuseToUpdateAfterRemove() {
        State<Integer> state = new State<>(Optional.of(1), false);
        state.remove();

        assertThat(state.exists()).isFalse();
        assertThatThrownBy(() -> state.update(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requirement failed: Cannot update the state after it has been removed");
        assertThatThrownBy(state::remove).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requirement failed: Cannot remove the state that has already been removed");
    }

    @Test
    void shouldRefuseToUpdateOrRemoveAStateThatIsTimingOut() {
        State<Integer> state = new State<>(Optional.of(1), true);

        assertThat(state.isTimingOut()).isTrue();
        assertThat(state.get()).isEqualTo(1);
        assertThat(state).hasToString("1");
        assertThatThrownBy(() -> state.update(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requirement failed: Cannot update the state that is timing out");
        assertThatThrownBy(state::remove).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requirement failed: Cannot remove the state that is timing out");
    }
}
