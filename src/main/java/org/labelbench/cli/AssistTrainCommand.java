package org.labelbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelbench.assist.Architecture;
import org.labelbench.assist.EpochResult;
import org.labelbench.assist.ImageAugmentation;
import org.labelbench.assist.ImageInput;
import org.labelbench.assist.ModelEngine;
import org.labelbench.assist.StoredModel;
import org.labelbench.assist.TrainingOptions;
import org.labelbench.assist.TrainingService;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train", description = {"Train a model on the project's labeled items and store it with the project.",
    "Ground truth as error analysis defines it (adjudicated, else majority; ties left out); unlabeled items are never",
    "trained on. Early stopping on the project's dev split when it has one (see split), else on a seeded,",
    "stratified 10 %% holdout; the model's answers on those dev items become the run NAME."})
final class AssistTrainCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "The new model's name (also the name of the run of its dev predictions).")
    String model;

    @Option(names = "--epochs", defaultValue = "" + TrainingOptions.DEFAULT_EPOCHS, paramLabel = "N",
            description = "At most N passes over the training items (default ${DEFAULT-VALUE}); stops early after"
                    + " --patience epochs without a better dev accuracy.")
    int epochs;

    @Option(names = "--seed", defaultValue = "" + TrainingOptions.DEFAULT_SEED, paramLabel = "S",
            description = "Seeds the weights, the data order and the augmentations: the same seed gives the same"
                    + " model on the same device (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--patience", defaultValue = "3", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", paramLabel = "R",
            description = "Adam's learning rate (default ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--architecture", paramLabel = "small-cnn|resnet",
            description = "The net (default: small-cnn for pictures up to 64 px a side, else resnet).")
    String architecture;

    @Option(names = "--input-size", paramLabel = "WxH",
            description = "Resize every picture to this (default: the pictures' own size up to 64 px, else 96x96).")
    String inputSize;

    @Option(names = "--channels", paramLabel = "1|3", description = "Default: 1 when the pictures are grey, else 3.")
    Integer channels;

    @Option(names = "--no-flip", description = "No horizontal flips (for classes a mirror changes, such as letters).")
    boolean noFlip;

    @Option(names = "--no-augment", description = "No augmentation at all.")
    boolean noAugment;

    @Mixin
    TruthOptions truth;

    @Mixin
    DeviceOption device;

    @Option(names = "--version", paramLabel = "V", description = "Train on the labels and dev split that dataset"
            + " version V froze, not today's; the model records V.")
    String version;

    @Option(names = "--author", paramLabel = "NAME", description = "Who trains (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    AssistTrainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TrainingOptions options = options();
        if (version != null && !"adjudicated".equals(truth.truth)) {
            throw new org.labelbench.project.BadInputException("--version trains on the labels the version froze;"
                    + " --truth does not apply to it");
        }
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        StoredModel trained;
        try (InterruptGuard guard = new InterruptGuard(progress);
                ProjectStore store = ProjectStore.open(project)) {
            if (!output.json) {
                console.line("Training '" + model + "' with " + ModelEngine.describe(options.device()).summary());
            }
            try {
                trained = new TrainingService().train(store, model, options, version, author, progress, epoch -> {
                    if (!output.json) {
                        progress.finish();
                        console.line(epochLine(epoch));
                    }
                });
            } finally {
                progress.finish();
            }
        }
        if (output.json) {
            console.json(AssistModelsCommand.describe(trained));
            return LabelbenchCli.EXIT_OK;
        }
        console.line(String.format(Locale.ROOT, "Stored model '%s' (%s, input %s, best epoch %s of %d): dev accuracy"
                + " %.3f on %s items (%s); its dev predictions are run '%s'", trained.name(), trained.architecture(),
                trained.describeInput(), trained.metrics().get("best_epoch"), trained.history().size(),
                trained.devAccuracy(), trained.metrics().get("dev_items"), trained.metrics().get("dev_set_kind"),
                trained.name()));
        console.line("Dev set: " + trained.metrics().get("dev_set"));
        console.line("Files: " + trained.folder() + " (SHA-256 " + trained.modelSha256() + ")");
        return LabelbenchCli.EXIT_OK;
    }

    static String epochLine(EpochResult epoch) {
        return String.format(Locale.ROOT, "epoch %3d  loss %.4f  train acc %.3f  dev loss %.4f  dev acc %.3f  %6.1f s"
                + "  %,.0f items/s", epoch.epoch(), epoch.trainLoss(), epoch.trainAccuracy(), epoch.devLoss(),
                epoch.devAccuracy(), epoch.seconds(), epoch.itemsPerSecond());
    }

    private TrainingOptions options() {
        Integer width = null;
        Integer height = null;
        if (inputSize != null) {
            int[] size = ImageInput.parseSize(inputSize);
            width = size[0];
            height = size[1];
        }
        ImageAugmentation augmentation = noAugment ? ImageAugmentation.NONE
                : new ImageAugmentation(!noFlip, true, true);
        return TrainingOptions.builder().epochs(epochs).seed(seed).device(device.choice())
                .truth(truth.source()).augmentation(augmentation)
                .net(architecture == null ? null : Architecture.parse(architecture), width, height, channels)
                .batchSize(batchSize).learningRate(learningRate).patience(patience).build();
    }
}
