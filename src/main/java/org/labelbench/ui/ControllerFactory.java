package org.labelbench.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * Builds FXML controllers with their dependencies (Cryptomator's shape, without a DI framework):
 * the composition root registers one constructor per controller class, and FXMLLoader asks here
 * instead of calling a no-argument constructor. An unregistered controller is a wiring bug.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> constructors = new HashMap<>();

    public <C> ControllerFactory register(Class<C> type, Supplier<? extends C> constructor) {
        constructors.put(type, constructor);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> constructor = constructors.get(type);
        if (constructor == null) {
            throw new IllegalStateException("no constructor registered for controller " + type.getName());
        }
        return constructor.get();
    }
}
