package io.streamling.embedded;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link EmbeddedKafkaBroker} per test class and injects it
 * into constructor, {@code @BeforeAll}, {@code @BeforeEach}, {@code @Test} and similar method
 * parameters of type {@code EmbeddedKafkaBroker}.
 *
 * <p>One broker serves the whole class (starting one costs about two seconds), so tests sharing
 * it should use their own topic names. {@code @Nested} classes reuse their enclosing class's broker.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedKafkaExtension.class)
 * class MyIT {
 *     @Test
 *     void roundTrip(EmbeddedKafkaBroker broker) {
 *         broker.createTopic("in", 1);
 *     }
 * }
 * }</pre>
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);
    private static final String BROKER_KEY = "broker";

    /** Creates the extension; JUnit instantiates it through {@code @ExtendWith}. */
    public EmbeddedKafkaExtension() {
    }

    /**
     * Starts the class's broker, unless an enclosing class already has one.
     *
     * @param context the class-level context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        // the lookup sees the enclosing classes' stores too, which is how @Nested classes share
        context.getStore(NAMESPACE).getOrComputeIfAbsent(BROKER_KEY, key -> EmbeddedKafkaBroker.start(), EmbeddedKafkaBroker.class);
    }

    /**
     * Stops the broker this class started (an enclosing class's broker is left running).
     *
     * @param context the class-level context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        // remove() only touches this level of the store, so a nested class cannot close its parent's broker
        EmbeddedKafkaBroker broker = context.getStore(NAMESPACE).remove(BROKER_KEY, EmbeddedKafkaBroker.class);
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * Supports parameters of type {@link EmbeddedKafkaBroker}.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current context
     * @return whether the parameter is an {@code EmbeddedKafkaBroker}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    /**
     * Returns the broker of the current test class.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current context
     * @return the shared broker
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // method contexts inherit the class store; the fallback covers registration without beforeAll
        // (e.g. a non-static @RegisterExtension field), where the broker then lives as long as this context
        return extensionContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(BROKER_KEY, key -> EmbeddedKafkaBroker.start(), EmbeddedKafkaBroker.class);
    }
}
