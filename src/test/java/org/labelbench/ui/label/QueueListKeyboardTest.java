package org.labelbench.ui.label;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The Label page reached from the navigation: Enter starts labeling the selected queue at once. */
class QueueListKeyboardTest extends LabelWorkbenchTest {

    @Test
    void enterStartsLabelingRightAfterTheSidebarShowedThePage() throws Exception {
        Path project = LabelProjects.images(dir, 3, false);
        openProject(project);
        showQueues("round 1"); // a click on the sidebar, nothing else
        type(KeyCode.ENTER);
        signIn("ana");
        waitForText("#itemKeyLabel", "img_00.png");
        type(KeyCode.ESCAPE);
        waitUntil(() -> visible("#queueTable"));
    }
}
