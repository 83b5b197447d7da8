package io.streamling.internal.runtime;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An element whose user function threw, on its way to the dead-letter topic. It never crosses a
 * topic inside a program.
 *
 * @param operator the operator whose function threw
 * @param element the element it threw on
 * @param error the error
 */
public record FailedElement(String operator, Object element, Exception error) {

    /** Header naming the operator whose function threw. */
    public static final String OPERATOR_HEADER = "streamling.error.operator";
    /** Header giving the class of the error. */
    public static final String CLASS_HEADER = "streamling.error.class";
    /** Header giving the message of the error. */
    public static final String MESSAGE_HEADER = "streamling.error.message";

    /** The element as text, as it goes to the dead-letter topic. */
    public byte[] value() {
        return String.valueOf(element).getBytes(StandardCharsets.UTF_8);
    }

    /** The headers that say what went wrong. */
    public Headers headers() {
        Headers headers = new RecordHeaders();
        headers.add(OPERATOR_HEADER, operator.getBytes(StandardCharsets.UTF_8));
        headers.add(CLASS_HEADER, error.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(MESSAGE_HEADER, String.valueOf(error.getMessage()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
