package org.labelbench.cli;

import picocli.CommandLine.Command;

@Command(name = "assist", description = {"The model inside the workbench: DJL on PyTorch, in this process, offline.",
    "Train on the project's labels or load a TorchScript model, predict, and measure how far automation can go."},
        subcommands = {AssistInfoCommand.class, AssistTrainCommand.class, AssistModelsCommand.class,
            AssistPredictCommand.class, AssistLoadCommand.class, AssistCrossValidateCommand.class,
            AssistLearningCurveCommand.class, AssistLadderCommand.class, AssistRetrainCommand.class,
            AssistAutoRetrainCommand.class})
final class AssistCommand {
    private AssistCommand() {
    }
}
