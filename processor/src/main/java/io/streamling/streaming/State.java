package io.streamling.streaming;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The state of one key inside a {@code mapWithState} function, as Spark's
 * {@code org.apache.spark.streaming.State}, with Spark's rules and messages: {@link #get()} fails
 * when there is no state, and a state that was removed or is timing out cannot be updated.
 *
 * @param <S> the state type
 */
public final class State<S> {

    private S state;
    private boolean defined;
    private boolean timingOut;
    private boolean updated;
    private boolean removed;

    /** A state holding {@code value}, or none when it is empty. */
    public State(Optional<S> value, boolean timingOut) {
        this.state = value.orElse(null);
        this.defined = value.isPresent();
        this.timingOut = timingOut;
    }

    /** Whether the state exists. */
    public boolean exists() {
        return defined;
    }

    /** The state; throws {@link NoSuchElementException} ("State is not set") when there is none. */
    public S get() {
        if (!defined) {
            throw new NoSuchElementException("State is not set");
        }
        return state;
    }

    /** The state, if there is one. */
    public Optional<S> getOption() {
        return defined ? Optional.ofNullable(state) : Optional.empty();
    }

    /** Replaces the state; not after {@link #remove()} and not while timing out. */
    public void update(S newState) {
        require(!removed, "Cannot update the state after it has been removed");
        require(!timingOut, "Cannot update the state that is timing out");
        state = newState;
        defined = true;
        updated = true;
    }

    /** Removes the state; not while timing out and not twice. */
    public void remove() {
        require(!timingOut, "Cannot remove the state that is timing out");
        require(!removed, "Cannot remove the state that has already been removed");
        defined = false;
        updated = false;
        removed = true;
    }

    /** Whether this is the last call for a key whose timeout has passed. */
    public boolean isTimingOut() {
        return timingOut;
    }

    /** Whether {@link #remove()} was called (for the runtime). */
    public boolean isRemoved() {
        return removed;
    }

    /** Whether {@link #update(Object)} was called (for the runtime). */
    public boolean isUpdated() {
        return updated;
    }

    /** The state's value, or {@code <state not set>}, as Spark prints it. */
    @Override
    public String toString() {
        return defined ? String.valueOf(state) : "<state not set>";
    }

    /** Scala's {@code require}, as Spark's messages come from it. */
    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("requirement failed: " + message);
        }
    }
}
