package org.labelbench.project;

/**
 * A value the user gave that is out of range or malformed, worded without any face's name for
 * it: "epochs 0: expected 1 to 10000", "model name 'x': ...". The core does not know whether the
 * value came from a command-line option or a form field, so it says what the value is
 * ({@link #subject()}); each face puts its own name in front of {@link #value()} and
 * {@link #reason()} — the CLI its option ("--epochs 0: expected 1 to 10000"), the UI its field.
 */
public class BadValueException extends BadInputException {
    private final String subject;
    private final String value;
    private final String reason;

    /**
     * @param subject what the value is, in words ("epochs", "model name")
     * @param value the value as the message shows it, quoted if need be; empty when the message
     *     shows none (a missing name)
     * @param reason the rest of the message, with its own leading separator (": expected 1 to
     *     10000", " takes all, split:S or tag:T, not 'x'")
     */
    public BadValueException(String subject, String value, String reason) {
        super(wording(subject, value, reason));
        this.subject = subject;
        this.value = value;
        this.reason = reason;
    }

    /** What the value is, in words; the key a face maps to its own name for it. */
    public String subject() {
        return subject;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return reason;
    }

    /** The message with {@code name} (an option, a field label) in place of the subject. */
    public String namedAs(String name) {
        return wording(name, value, reason);
    }

    private static String wording(String name, String value, String reason) {
        return name + (value.isEmpty() ? "" : " " + value) + reason;
    }
}
