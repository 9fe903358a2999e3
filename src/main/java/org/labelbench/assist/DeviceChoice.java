package org.labelbench.assist;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.labelbench.project.BadValueException;

/**
 * Where a model runs: {@code auto} takes the first GPU PyTorch can see and the CPU otherwise;
 * {@code gpu} insists on one and says why not when there is none, rather than quietly running
 * a long training on the CPU.
 */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public static DeviceChoice parse(String text) {
        String value = text == null ? "auto" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> AUTO;
            case "cpu" -> CPU;
            case "gpu" -> GPU;
            default -> throw new BadValueException("device", text, ": expected auto, cpu or gpu");
        };
    }

    /** The device this choice means on this machine. */
    public Device resolve() {
        Engine engine = ModelEngine.engine();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (engine.getGpuCount() == 0) {
                    throw new BadValueException("device", "gpu", ": PyTorch sees no GPU on this machine (this build carries"
                            + " the " + ModelEngine.nativeFlavour() + " natives; build with -Pgpu for CUDA)");
                }
                yield Device.gpu();
            }
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
