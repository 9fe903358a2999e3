package org.labelbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void aBareProjectFileOpensIt() {
        assertThat(Main.commandArguments(new String[] {"/home/ann/survey.lbproj"}))
                .containsExactly("open", "/home/ann/survey.lbproj");
        assertThat(Main.commandArguments(new String[] {"Survey.LBPROJ"})).containsExactly("open", "Survey.LBPROJ");
    }

    @Test
    void commandsAndOtherArgumentsPassThrough() {
        assertThat(Main.commandArguments(new String[] {"info", "survey.lbproj"}))
                .containsExactly("info", "survey.lbproj");
        assertThat(Main.commandArguments(new String[] {"--help"})).containsExactly("--help");
        assertThat(Main.commandArguments(new String[] {"survey.csv"})).containsExactly("survey.csv");
        assertThat(Main.commandArguments(new String[] {"-x.lbproj"})).containsExactly("-x.lbproj");
        assertThat(Main.commandArguments(new String[0])).isEmpty();
    }
}
