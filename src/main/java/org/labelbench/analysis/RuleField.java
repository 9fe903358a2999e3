package org.labelbench.analysis;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The fields a rule can read, by family (media, attributes, labels, predictions), with their types. */
enum RuleField {
    WIDTH("width", Type.NUMBER),
    HEIGHT("height", Type.NUMBER),
    DURATION_MS("duration_ms", Type.NUMBER),
    SAMPLE_RATE("sample_rate", Type.NUMBER),
    CHANNELS("channels", Type.NUMBER),
    BYTES("bytes", Type.NUMBER),
    MEDIA("media", Type.TEXT),
    FORMAT("format", Type.TEXT),
    KEY("key", Type.TEXT),
    ATTRIBUTE("attr", Type.ATTRIBUTE),
    LABEL("label", Type.CLASS),
    LABELS("labels", Type.NUMBER),
    DISAGREEMENT("disagreement", Type.BOOLEAN),
    ADJUDICATED("adjudicated", Type.CLASS),
    PREDICTION("prediction", Type.CLASS),
    CONFIDENCE("confidence", Type.NUMBER),
    PROBABILITY("p", Type.NUMBER),
    CORRECT("correct", Type.BOOLEAN);

    /**
     * What a field holds, which decides the literals and operators it takes. ATTRIBUTE is text
     * compared as a number when the literal is a number; CLASS is a class name.
     */
    enum Type {
        NUMBER, TEXT, ATTRIBUTE, CLASS, BOOLEAN
    }

    private final String name;
    private final Type type;

    RuleField(String name, Type type) {
        this.name = name;
        this.type = type;
    }

    String fieldName() {
        return name;
    }

    Type type() {
        return type;
    }

    /** Fields written {@code NAME.ARGUMENT}: an attribute name, or the class of a probability. */
    boolean takesArgument() {
        return this == ATTRIBUTE || this == PROBABILITY;
    }

    /** Fields that read a prediction run. */
    boolean readsPredictions() {
        return this == PREDICTION || this == CONFIDENCE || this == PROBABILITY || this == CORRECT;
    }

    /** Fields that read labels (and so change when labels do): the label family, and correct's ground truth. */
    boolean readsLabels() {
        return this == LABEL || this == LABELS || this == DISAGREEMENT || this == ADJUDICATED || this == CORRECT;
    }

    /** How the field is written, for messages: {@code attr.NAME}, {@code p.CLASS}. */
    String usage() {
        return this == ATTRIBUTE ? "attr.NAME" : this == PROBABILITY ? "p.CLASS" : name;
    }

    static Optional<RuleField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(RuleField::usage).collect(Collectors.joining(", "));
    }
}
