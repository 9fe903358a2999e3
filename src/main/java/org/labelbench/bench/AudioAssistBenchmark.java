package org.labelbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.ImageAugmentation;
import org.labelbench.assist.ItemSelection;
import org.labelbench.assist.PredictService;
import org.labelbench.assist.StoredModel;
import org.labelbench.assist.TrainingOptions;
import org.labelbench.assist.TrainingService;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/**
 * The audio half of {@code bench assist}: clips per second through the whole prediction path
 * (WAV decode, log-mel spectrogram in Java, forward, SQLite writes) against the bare forward of
 * the same model on the same spectrograms computed beforehand, in the same run, on one-second
 * 16 kHz tone clips; and {@code assist predict} on them as its own process.
 */
final class AudioAssistBenchmark {
    private AudioAssistBenchmark() {
    }

    static Map<String, Object> run(int clips, DeviceChoice choice, Path workDir) throws Exception {
        Path folder = workDir.resolve("assist-audio-" + clips);
        Path project = folder.resolve("bench.lbproj");
        if (!Files.exists(project)) {
            build(folder, project, clips);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clips", clips);
        figures.put("clip", "1 s, 16 kHz mono 16-bit WAV, 3 tone classes");
        String model = "bench-audio-" + System.nanoTime();
        List<Path> files = new ArrayList<>();
        try (ProjectStore store = ProjectStore.open(project)) {
            TrainingOptions options = TrainingOptions.builder().epochs(1).device(choice)
                    .augmentation(ImageAugmentation.NONE).build();
            StoredModel trained = new TrainingService().train(store, model, options, "bench", JobContext.silent(),
                    epoch -> figures.put("train_clips_per_second_one_epoch", ImportBenchmark.round(epoch.itemsPerSecond())));
            figures.put("model", trained.architecture() + " " + trained.describeInput());
            PredictService.Predicted predicted = new PredictService().predict(store, model, model + "-all",
                    ItemSelection.ALL, choice, JobContext.silent());
            for (int i = 0; i < clips; i++) {
                files.add(folder.resolve("audio").resolve(fileName(i)));
            }
            double bare = BareForward.itemsPerSecond(trained, choice, files);
            figures.put("predict_whole_path_clips_per_second", ImportBenchmark.round(predicted.itemsPerSecond()));
            figures.put("bare_forward_clips_per_second", ImportBenchmark.round(bare));
            figures.put("whole_path_share_of_bare_forward", ImportBenchmark.round(predicted.itemsPerSecond() / bare));
        }
        WholeProcess.Timed process = WholeProcess.run("assist", "predict", project.toString(), "--model", model,
                "--run", model + "-process", "--device", choice.id());
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("command", "labelbench assist predict (its own JVM)");
        whole.put("exit_code", process.exitCode());
        whole.put("seconds", ImportBenchmark.round(process.seconds()));
        whole.put("clips_per_second", ImportBenchmark.round(clips / process.seconds()));
        figures.put("whole_process", whole);
        return figures;
    }

    static String fileName(int i) {
        return String.format("%06d.wav", i);
    }

    private static void build(Path folder, Path project, int clips) throws IOException {
        Path audio = Files.createDirectories(folder.resolve("audio"));
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        for (int i = 0; i < clips; i++) {
            ToneClipWriter.write(audio.resolve(fileName(i)), i % 3, i);
            labels.append(fileName(i)).append(",bench,").append(ToneClipWriter.CLASSES[i % 3]).append('\n');
        }
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("assist audio bench",
                List.of(ToneClipWriter.CLASSES), false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.AUDIO, audio), JobContext.silent());
            new LabelFileService().importFile(store, Files.writeString(folder.resolve("labels.csv"), labels));
        }
    }
}
