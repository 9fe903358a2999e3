package org.labelbench.assist;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import org.labelbench.project.BadInputException;

/**
 * The one deep-learning engine the workbench runs: DJL on PyTorch, in this process, with the
 * natives from the pinned jar (never downloaded: {@code ai.djl.offline=true}).
 */
public final class ModelEngine {
    public static final String NAME = "PyTorch";

    private ModelEngine() {
    }

    /** What runs models here, for the CLI and the UI to say. */
    public record Description(String engine, String engineVersion, String djlVersion, String natives, int gpus,
            String device) {
        public String summary() {
            return engine + " " + engineVersion + " (DJL " + djlVersion + ", " + natives + " natives) on " + device;
        }
    }

    static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            return Engine.getEngine(NAME);
        } catch (EngineException | IllegalArgumentException e) {
            throw new BadInputException("the PyTorch engine did not start: " + e.getMessage());
        }
    }

    public static Description describe(DeviceChoice choice) {
        Engine engine = engine();
        Device device = choice.resolve();
        return new Description(engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), nativeFlavour(),
                engine.getGpuCount(), deviceName(device));
    }

    /** "cpu" or "gpu(0)": how a device is named in the CLI, the UI and a model's row. */
    public static String deviceName(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    /** Which native build is on the class path (the gpu profile swaps in the CUDA one). */
    static String nativeFlavour() {
        String flavor = System.getProperty("PYTORCH_FLAVOR");
        if (flavor != null) {
            return flavor;
        }
        return ModelEngine.class.getClassLoader().getResource("native/lib/pytorch.properties") == null ? "unknown"
                : readFlavour();
    }

    private static String readFlavour() {
        try (var in = ModelEngine.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("flavor", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
