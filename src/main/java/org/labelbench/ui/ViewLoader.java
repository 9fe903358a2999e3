package org.labelbench.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an FXML view with its controller built by the caller (Cryptomator's controller-factory
 * idea): controllers get their view models and services through their constructors.
 */
public final class ViewLoader {
    private ViewLoader() {
    }

    public record Loaded<C>(Parent root, C controller) {
    }

    public static <C> Loaded<C> load(String fxml, Class<C> controllerType, Supplier<C> controller) {
        URL url = ViewLoader.class.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("missing view " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url);
        Map<Class<?>, Supplier<?>> factories = Map.of(controllerType, controller);
        loader.setControllerFactory(type -> {
            Supplier<?> supplier = factories.get(type);
            if (supplier == null) {
                throw new IllegalStateException("no controller factory for " + type.getName());
            }
            return supplier.get();
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }
}
