package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void formulaLikeTextGetsAnApostropheAndComesBackExactly() {
        for (String text : List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)", "+1", "-2", "\tx", "\rx",
                "'=already", "''@twice")) {
            String cell = CsvCells.neutralise(text);
            assertThat(cell).as(text).isEqualTo("'" + text);
            assertThat(CsvCells.restoreText(cell)).as(text).isEqualTo(text);
        }
        for (String text : List.of("cat", "it's", "'quoted'", "a=b", "", "'", "0.5")) {
            assertThat(CsvCells.neutralise(text)).as(text).isEqualTo(text);
            assertThat(CsvCells.restoreText(text)).as(text).isEqualTo(text);
        }
        assertThat(CsvCells.restoreText("=1+1")).as("a formula without the apostrophe is left as it is")
                .isEqualTo("=1+1");
    }

    @Test
    void onlyTextCellsAreNeutralisedNumbersStayNumbers() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            CsvCells.printRow(printer, "-0.5", -0.5, new BigDecimal("-1.250"), true, Instant.parse("2024-05-01T12:00:00Z"),
                    null, "@SUM(1)");
        }
        assertThat(out.toString()).isEqualTo("'-0.5,-0.5,-1.250,true,2024-05-01T12:00:00Z,,'@SUM(1)\r\n");
    }
}
