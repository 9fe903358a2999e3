package org.labelbench.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureTextTest {
    @Test
    void namesEveryCauseOnOneLineOutermostFirst() {
        // The chain FXMLLoader produced when a view could not reach a JavaFX internal (issue 11).
        IllegalAccessError root = new IllegalAccessError("class AutoCompletionBinding cannot access class "
                + "com.sun.javafx.event.EventHandlerManager");
        Exception load = new Exception("\n/org/labelbench/ui/analysis/AnalysisView.fxml:12\n",
                new InvocationTargetException(root));
        RuntimeException outer = new UncheckedIOException("cannot load /org/labelbench/ui/shell/ShellView.fxml",
                new java.io.IOException(load));

        assertThat(FailureText.of(outer)).isEqualTo("cannot load /org/labelbench/ui/shell/ShellView.fxml: "
                + "/org/labelbench/ui/analysis/AnalysisView.fxml:12: class AutoCompletionBinding cannot access "
                + "class com.sun.javafx.event.EventHandlerManager");
    }

    @Test
    void saysEachMessageOnceAndNamesASilentFailureByItsKind() {
        IllegalStateException cause = new IllegalStateException("disk full");
        assertThat(FailureText.of(new CompletionException(cause))).isEqualTo("disk full");
        assertThat(FailureText.of(new RuntimeException("saving failed", cause))).isEqualTo("saving failed: disk full");
        assertThat(FailureText.of(new RuntimeException(cause))).isEqualTo("disk full");
        assertThat(FailureText.of(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
