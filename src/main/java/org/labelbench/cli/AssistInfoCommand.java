package org.labelbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.ModelEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "info", description = "Which engine, engine version and device models run on here.")
final class AssistInfoCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DeviceOption device;

    @Mixin
    JsonOption output;

    AssistInfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModelEngine.Description engine = ModelEngine.describe(device.choice());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("engine", engine.engine());
        facts.put("engine_version", engine.engineVersion());
        facts.put("djl_version", engine.djlVersion());
        facts.put("natives", engine.natives());
        facts.put("gpus", engine.gpus());
        facts.put("device", engine.device());
        LabelbenchCli.printFacts(context.console(), output.json, facts);
        return LabelbenchCli.EXIT_OK;
    }
}
