package org.labelbench.assist;

import java.util.List;
import org.labelbench.project.BadValueException;
import org.labelbench.project.ItemFileRepository;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.Transaction;

/** Which items a prediction covers: {@code all}, {@code unlabeled} (as the Items filter means it), or {@code queue:NAME}. */
public record ItemSelection(String kind, String queue) {
    public static final ItemSelection ALL = new ItemSelection("all", null);
    public static final ItemSelection UNLABELED = new ItemSelection("unlabeled", null);

    public static ItemSelection parse(String text) {
        String value = text == null ? "all" : text.strip();
        if (value.equals("all")) {
            return ALL;
        }
        if (value.equals("unlabeled")) {
            return UNLABELED;
        }
        if (value.startsWith("queue:") && value.length() > "queue:".length()) {
            return new ItemSelection("queue", value.substring("queue:".length()));
        }
        throw new BadValueException("items", String.valueOf(text), ": expected all, unlabeled or queue:NAME");
    }

    List<Long> itemIds(Transaction tx) {
        return switch (kind) {
            case "all" -> new ItemRepository().ids(tx, ItemQuery.all());
            case "unlabeled" -> new ItemRepository().ids(tx, ItemQuery.all().withLabel(ItemQuery.UNLABELED));
            default -> new ItemFileRepository().queueItems(tx, queue).orElseThrow(() ->
                    new BadValueException("items", "queue:" + queue, ": no queue of that name"));
        };
    }

    public String describe() {
        return kind.equals("queue") ? "the items of queue '" + queue + "'" : kind + " items";
    }
}
