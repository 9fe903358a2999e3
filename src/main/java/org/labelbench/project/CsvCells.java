package org.labelbench.project;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Cells of every CSV file the app writes, safe to open in a spreadsheet (OWASP's advice on CSV
 * injection): a text cell that begins with {@code = + - @}, a tab or a carriage return gets an
 * apostrophe in front, so {@code =HYPERLINK(...)} is shown as text instead of run as a formula.
 * Only text is neutralised: a {@link Number}, {@link Boolean} or other typed value (an
 * {@link java.time.Instant}) is written as it is, so {@code -0.5} in a numeric column stays a
 * number. Apostrophes already in front of such a cell get one more, so {@link #restoreText}
 * gives back exactly what was written, whatever it held.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** Writes one record: strings neutralised, typed values as they are, null as an empty cell. */
    public static void printRow(CSVPrinter printer, Object... cells) throws IOException {
        List<Object> record = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            record.add(cell == null ? "" : cell instanceof CharSequence text ? neutralise(text.toString()) : cell);
        }
        printer.printRecord(record);
    }

    /** The text a spreadsheet shows as text: one apostrophe more in front of a formula-like cell. */
    public static String neutralise(String text) {
        return formulaLike(text) ? "'" + text : text;
    }

    /** Undoes {@link #neutralise}: a formula-like cell after apostrophes loses one apostrophe. */
    public static String restoreText(String cell) {
        return cell.startsWith("'") && formulaLike(cell) ? cell.substring(1) : cell;
    }

    /** Apostrophes (any number, none included) and then one of {@code = + - @ \t \r}. */
    private static boolean formulaLike(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) == '\'') {
            first++;
        }
        return first < text.length() && "=+-@\t\r".indexOf(text.charAt(first)) >= 0;
    }
}
