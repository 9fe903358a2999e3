package org.labelbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelbench.assist.AudioInput;
import org.labelbench.assist.ImageInput;
import org.labelbench.assist.StoredModel;
import org.labelbench.assist.TorchScriptLoader;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", description = {"Load a model someone else trained, saved as TorchScript, into the project.",
    "Pictures: decoded, converted to --channels, resized to --input-size, scaled to [0,1], normalised by --mean/--std,",
    "NCHW float32. Audio: a mono float32 waveform in [-1,1] at --sample-rate, padded or cut to --clip-seconds.",
    "Outputs are softmaxed unless they already are probabilities. The file is hashed and run once before it is stored."})
final class AssistLoadCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--torchscript", required = true, paramLabel = "F.pt", description = "The TorchScript file.")
    Path torchScript;

    @Option(names = "--labels", required = true, paramLabel = "L.txt",
            description = "One project class per line, in the model's output order.")
    Path labels;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model's name in the project.")
    String model;

    @Option(names = "--input-size", paramLabel = "WxH", description = "A picture model's input size.")
    String inputSize;

    @Option(names = "--channels", paramLabel = "1|3", description = "A picture model's channels.")
    Integer channels;

    @Option(names = "--mean", paramLabel = "a[,b,c]", description = "Per-channel mean to subtract (default 0).")
    String mean;

    @Option(names = "--std", paramLabel = "a[,b,c]", description = "Per-channel standard deviation (default 1).")
    String std;

    @Option(names = "--sample-rate", paramLabel = "R", description = "An audio model's sample rate in Hz.")
    Integer sampleRate;

    @Option(names = "--clip-seconds", paramLabel = "S", description = "An audio model's clip length.")
    Double clipSeconds;

    @Option(names = "--outputs", defaultValue = "auto", paramLabel = "auto|logits|probabilities",
            description = "What the model's outputs are (default: probabilities when every sample row is a"
                    + " distribution, else logits, which are softmaxed).")
    String outputs;

    @Mixin
    DeviceOption device;

    @Option(names = "--author", paramLabel = "NAME", description = "Who loads (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    AssistLoadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TorchScriptLoader.Request request = new TorchScriptLoader.Request(model, torchScript, labels, image(), audio(),
                outputsChoice(), device.choice(), author);
        StoredModel loaded;
        try (ProjectStore store = ProjectStore.open(project)) {
            loaded = new TorchScriptLoader().load(store, request);
        }
        if (output.json) {
            context.console().json(AssistModelsCommand.describe(loaded));
        } else {
            context.console().line(String.format(Locale.ROOT, "Loaded model '%s' (TorchScript, %d classes, input %s,"
                    + " outputs %s) SHA-256 %s", loaded.name(), loaded.classes().size(), loaded.describeInput(),
                    loaded.params().get("outputs"), loaded.modelSha256()));
        }
        return LabelbenchCli.EXIT_OK;
    }

    private ImageInput image() {
        if (inputSize == null && channels == null && mean == null && std == null) {
            return null;
        }
        if (inputSize == null || channels == null) {
            throw new BadInputException("a picture model needs both --input-size WxH and --channels 1|3");
        }
        if (sampleRate != null || clipSeconds != null) {
            throw new BadInputException("give either the picture options or the audio options, not both");
        }
        int[] size = ImageInput.parseSize(inputSize);
        ImageInput plain = ImageInput.plain(size[0], size[1], channels);
        return new ImageInput(size[0], size[1], channels,
                mean == null ? plain.mean() : ImageInput.parseFloats("--mean", mean),
                std == null ? plain.std() : ImageInput.parseFloats("--std", std));
    }

    private AudioInput audio() {
        if (sampleRate == null && clipSeconds == null) {
            return null;
        }
        if (sampleRate == null || clipSeconds == null) {
            throw new BadInputException("an audio model needs both --sample-rate R and --clip-seconds S");
        }
        return new AudioInput(sampleRate, clipSeconds, 0);
    }

    private TorchScriptLoader.Outputs outputsChoice() {
        return switch (outputs.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> TorchScriptLoader.Outputs.AUTO;
            case "logits" -> TorchScriptLoader.Outputs.LOGITS;
            case "probabilities" -> TorchScriptLoader.Outputs.PROBABILITIES;
            default -> throw new BadInputException("--outputs " + outputs + ": expected auto, logits or probabilities");
        };
    }
}
