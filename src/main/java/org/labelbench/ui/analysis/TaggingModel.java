package org.labelbench.ui.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.TagService;
import org.labelbench.project.Item;
import org.labelbench.project.TagRepository.TagInfo;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;

/**
 * Keyboard tagging of spreadsheet rows, with undo and redo ({@link TagHistory}): the manual tag
 * names the tag field completes, the quick tags the number keys 1–9 apply, and the taggings
 * themselves. Which items a tagging changes is {@link TagService#itemsChangedBy}'s decision, over
 * the newest tags the reads thread knows; each tagging, undo and redo is one transaction on the
 * reads thread, so they follow each other in order, and the tags are read again after each.
 */
final class TaggingModel {
    private static final int QUICK_TAGS = 9;

    private final AnalysisCatalog catalog;
    private final RunLoader loader;
    private final PagedErrorList rows;
    private final UiExecutors executors;
    private final Supplier<String> author;
    private final MessageLine message;
    /** Shows tags read anew after a change (the table, the filters, these names). FX thread. */
    private final Consumer<AnalysisCatalog.Evaluated> retagged;
    private final TagHistory history = new TagHistory();

    private final ObservableList<String> tagNames = FXCollections.observableArrayList();
    private final ObservableList<String> quickTags = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    /** Taggings sent to the reads thread and not answered yet. */
    private final AtomicInteger inFlight = new AtomicInteger();

    TaggingModel(AnalysisCatalog catalog, RunLoader loader, PagedErrorList rows, UiExecutors executors,
            Supplier<String> author, MessageLine message, Consumer<AnalysisCatalog.Evaluated> retagged) {
        this.catalog = catalog;
        this.loader = loader;
        this.rows = rows;
        this.executors = executors;
        this.author = author;
        this.message = message;
        this.retagged = retagged;
    }

    /** A run was shown: the tag names, and the quick tags from scratch (most used first). */
    void showRun(AnalysisCatalog.Evaluated read) {
        showNames(read);
        quickTags.setAll(mostUsedManualTags(read.tagInfos()));
    }

    /** Tags read anew: the names, and new tags take a free number key. */
    void retagged(AnalysisCatalog.Evaluated read) {
        showNames(read);
        read.tagInfos().stream().filter(info -> "manual".equals(info.kind()) && info.items() > 0)
                .map(TagInfo::name).filter(name -> !quickTags.contains(name))
                .forEach(name -> {
                    // The numbers already learnt never move mid-session.
                    if (quickTags.size() < QUICK_TAGS) {
                        quickTags.add(name);
                    }
                });
    }

    /** Adds {@code tag} to (or removes it from) the items of the spreadsheet rows at {@code indices}. */
    void change(String rawTag, List<Integer> indices, boolean add) {
        String tag = rawTag == null ? "" : rawTag.strip();
        if (tag.isEmpty()) {
            message.error("Type a tag name first");
            return;
        }
        if (indices.isEmpty()) {
            message.error("Select the rows to " + (add ? "tag" : "untag") + " first (Shift or Ctrl for several)");
            return;
        }
        ErrorSheet sheet = rows.sheet();
        List<Item> known = new ArrayList<>();
        List<Integer> unread = new ArrayList<>();
        for (int index : indices) {
            Item item = rows.loadedItem(index);
            if (item != null) {
                known.add(item);
            } else {
                unread.add(index);
            }
        }
        inFlight.incrementAndGet();
        BackgroundCall.of(() -> {
            List<Item> items = new ArrayList<>(known);
            items.addAll(read(sheet, unread));
            AnalysisCatalog.Evaluated before = loader.latest();
            List<Item> changed = TagService.itemsChangedBy(before == null ? null : before.membership(), tag, add,
                    items);
            if (changed.isEmpty()) {
                return new Tagging(items.size(), null, null);
            }
            TagEdit edit = new TagEdit(tag, add, changed.stream().map(Item::key).toList(),
                    changed.stream().map(Item::id).toList());
            edit.apply(catalog, author.get());
            return new Tagging(items.size(), edit, loader.retag());
        })
                .onSuccess(tagging -> {
                    inFlight.decrementAndGet();
                    if (tagging.edit() == null) {
                        message.info(nothingToChange(tag, add, tagging.selected()));
                        return;
                    }
                    history.done(tagging.edit());
                    showHistory();
                    rows.retag(tagging.edit().itemIds(), tag, add);
                    message.info(capitalized(tagging.edit().describe()) + " · Ctrl+Z undoes");
                    retagged.accept(tagging.tagsAfter());
                })
                .onFailure(failure -> {
                    inFlight.decrementAndGet();
                    message.error(FailureText.of(failure));
                })
                .runOn(executors);
    }

    /** Undoes the last tagging not undone yet (Ctrl+Z). */
    void undo() {
        TagEdit edit = history.takeUndo().orElse(null);
        if (edit == null) {
            message.info("Nothing to undo");
            return;
        }
        showHistory();
        TagEdit inverse = edit.inverse();
        apply(inverse, () -> {
            history.undoApplied(edit);
            message.info("Undone: " + inverse.describe());
        }, failure -> {
            history.undoFailed(edit);
            message.error("Not undone: " + FailureText.of(failure));
        });
    }

    /** Makes the last undone tagging again (Ctrl+Shift+Z, Ctrl+Y). */
    void redo() {
        TagEdit edit = history.takeRedo().orElse(null);
        if (edit == null) {
            message.info("Nothing to redo");
            return;
        }
        showHistory();
        apply(edit, () -> {
            history.redoApplied(edit);
            message.info("Redone: " + edit.describe() + " · Ctrl+Z undoes");
        }, failure -> {
            history.redoFailed(edit);
            message.error("Not redone: " + FailureText.of(failure));
        });
    }

    /** Makes {@code edit} in the store, then shows it (and the tags read again) or says why not. */
    private void apply(TagEdit edit, Runnable applied, Consumer<Throwable> refused) {
        inFlight.incrementAndGet();
        BackgroundCall.of(() -> {
            edit.apply(catalog, author.get());
            return loader.retag();
        })
                .onSuccess(fresh -> {
                    inFlight.decrementAndGet();
                    applied.run();
                    showHistory();
                    rows.retag(edit.itemIds(), edit.tag(), edit.added());
                    retagged.accept(fresh);
                })
                .onFailure(failure -> {
                    inFlight.decrementAndGet();
                    refused.accept(failure);
                    showHistory();
                })
                .runOn(executors);
    }

    /** A tagging's outcome: how many rows were selected, the edit made (null: none needed), the tags after it. */
    private record Tagging(int selected, TagEdit edit, AnalysisCatalog.Evaluated tagsAfter) {
    }

    /** The items of rows whose page is not in memory, read in one go per run of consecutive rows. */
    private List<Item> read(ErrorSheet sheet, List<Integer> indices) {
        List<Item> items = new ArrayList<>();
        List<Integer> sorted = indices.stream().sorted().toList();
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i);
            int end = start;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1) {
                end = sorted.get(++i);
            }
            i++;
            for (ErrorSheet.Row row : catalog.page(sheet, start, end - start + 1)) {
                if (row.item() != null) {
                    items.add(row.item());
                }
            }
        }
        return items;
    }

    private static String nothingToChange(String tag, boolean add, int count) {
        return add ? (count == 1 ? "The selected item already carries '" + tag + "'"
                : "All " + count + " selected items already carry '" + tag + "'")
                : (count == 1 ? "The selected item does not carry '" + tag + "'"
                        : "None of the " + count + " selected items carries '" + tag + "'");
    }

    private void showNames(AnalysisCatalog.Evaluated read) {
        tagNames.setAll(read.tagInfos().stream().filter(info -> "manual".equals(info.kind())).map(TagInfo::name)
                .sorted().toList());
    }

    private void showHistory() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    /** The manual tags most items carry, most first: what the number keys 1–9 apply. */
    static List<String> mostUsedManualTags(List<TagInfo> infos) {
        return infos.stream().filter(info -> "manual".equals(info.kind()) && info.items() > 0)
                .sorted(Comparator.comparingLong(TagInfo::items).reversed().thenComparing(TagInfo::name))
                .limit(QUICK_TAGS).map(TagInfo::name).toList();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    ObservableList<String> tagNames() {
        return tagNames;
    }

    ObservableList<String> quickTags() {
        return quickTags;
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    boolean inFlight() {
        return inFlight.get() > 0;
    }
}
