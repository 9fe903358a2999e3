package org.labelbench.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** A loaded FXML screen: its root node and its controller. */
public record FxmlView<C>(Parent root, C controller) {

    /** Loads {@code resource} (an absolute class-path name) with controllers from {@code factory}. */
    public static <C> FxmlView<C> load(String resource, ControllerFactory factory) {
        URL url = FxmlView.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing FXML resource " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(factory);
        try {
            Parent root = loader.load();
            return new FxmlView<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
