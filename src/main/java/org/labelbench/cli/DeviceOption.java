package org.labelbench.cli;

import org.labelbench.assist.DeviceChoice;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu} for the commands that run a model. */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where the model runs: the first GPU PyTorch sees, else the CPU (auto, the default); or"
                    + " insist on one.")
    String device;

    DeviceChoice choice() {
        return DeviceChoice.parse(device);
    }
}
