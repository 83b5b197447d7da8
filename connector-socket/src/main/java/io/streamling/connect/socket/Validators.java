package io.streamling.connect.socket;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators for keys whose type alone says what is allowed. Why have them at all: every key then
 * carries a validator whose {@code toString()} shows up as "Valid Values" in the generated docs and in
 * Connect's REST validation, instead of an empty column.
 */
final class Validators {

    private Validators() {
    }

    /** Unset (null) or a string that is not blank, e.g. an optional host or file path. */
    static ConfigDef.Validator nullOrNonEmpty() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null && value.toString().isBlank()) {
                throw new ConfigException(name, value, "must not be blank; leave it unset instead");
            }
        }, () -> "unset, or a non-empty string");
    }

    /**
     * One of the given values, in any case. Kafka's {@code CaseInsensitiveValidString} documents itself in
     * upper case and in hash order; this lists the values as they are written.
     */
    static ConfigDef.Validator oneOf(String... values) {
        ConfigDef.Validator valid = ConfigDef.CaseInsensitiveValidString.in(values);
        return ConfigDef.LambdaValidator.with(valid::ensureValid, () -> "one of " + String.join(", ", values) + " (any case)");
    }

    /** A non-empty list without duplicates; {@code ValidList} alone documents itself as an empty string. */
    static ConfigDef.Validator nonEmptyList(String description) {
        ConfigDef.Validator list = ConfigDef.ValidList.anyNonDuplicateValues(false, false);
        return ConfigDef.LambdaValidator.with(list::ensureValid, () -> description);
    }

    /** Any boolean; ConfigDef already parsed it. */
    static ConfigDef.Validator anyBoolean() {
        return ConfigDef.LambdaValidator.with((name, value) -> { }, () -> "true or false");
    }

    /** Any password, or unset; ConfigDef already parsed it. */
    static ConfigDef.Validator anyPassword() {
        return ConfigDef.LambdaValidator.with((name, value) -> { }, () -> "unset, or any password");
    }

    /** Any string, including the empty one (which means "off" for some keys). */
    static ConfigDef.Validator anyString() {
        return ConfigDef.LambdaValidator.with((name, value) -> { }, () -> "any string; empty for none");
    }
}
