package org.labelbench.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.ImageAugmentation;
import org.labelbench.assist.ItemSelection;
import org.labelbench.assist.ModelEngine;
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
 * {@code bench assist}: the model inside the workbench on N real 28×28 grey PNGs of 10 classes.
 * Training images per second (three epochs, no augmentation, dev judged each epoch), beside
 * {@code assist train} as its own process and the same net and recipe in Python's PyTorch;
 * prediction through the whole path (decode, tensor, forward, SQLite writes) against a bare DJL
 * forward loop of the same model on the same tensors in the same run (medians of 3); {@code
 * assist predict} as its own process beside the same net in PyTorch reading the same files and
 * writing the same rows with Python's sqlite3; and the same for audio clips
 * ({@link AudioAssistBenchmark}).
 */
public final class AssistBenchmark {
    private static final int CLASSES = 10;
    private static final int TRAIN_EPOCHS = 3;

    public Map<String, Object> run(int items, String device, Path workDir) throws Exception {
        DeviceChoice choice = DeviceChoice.parse(device);
        Path folder = workDir.resolve("assist-" + items);
        Path project = folder.resolve("bench.lbproj");
        long buildStart = System.nanoTime();
        if (!Files.exists(project)) {
            build(folder, project, items);
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("suite", "assist");
        figures.put("items", items);
        figures.put("engine", ModelEngine.describe(choice).summary());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("build_seconds", ImportBenchmark.round(buildSeconds));
        String model = "bench-" + System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            files.add(folder.resolve("images").resolve(fileName(i)));
        }
        Map<String, Object> training = new LinkedHashMap<>();
        figures.put("training", training);
        try (ProjectStore store = ProjectStore.open(project)) {
            // No augmentation, so the PyTorch peer does the same work per image.
            TrainingOptions options = TrainingOptions.builder().epochs(TRAIN_EPOCHS).device(choice)
                    .augmentation(ImageAugmentation.NONE).build();
            List<Double> perEpoch = new ArrayList<>();
            long[] seen = new long[1];
            long trainStart = System.nanoTime();
            StoredModel trained = new TrainingService().train(store, model, options, "bench", JobContext.silent(),
                    epoch -> {
                        perEpoch.add(ImportBenchmark.round(epoch.itemsPerSecond()));
                        seen[0] = Math.round(epoch.itemsPerSecond() * epoch.seconds());
                    });
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            training.put("epochs", TRAIN_EPOCHS);
            training.put("batch_size", options.batchSize());
            training.put("train_items", seen[0]);
            training.put("epoch_images_per_second", perEpoch);
            training.put("epoch_images_per_second_median", median(perEpoch));
            training.put("seconds", ImportBenchmark.round(trainSeconds));
            figures.put("model", trained.architecture() + " " + trained.describeInput());

            double[] whole = new double[3];
            double[] bare = new double[3];
            for (int i = 0; i < 3; i++) {
                whole[i] = new PredictService().predict(store, model, model + "-all-" + i, ItemSelection.ALL, choice,
                        JobContext.silent()).itemsPerSecond();
                bare[i] = BareForward.itemsPerSecond(trained, choice, files);
            }
            Arrays.sort(whole);
            Arrays.sort(bare);
            figures.put("predict_whole_path_images_per_second", ImportBenchmark.round(whole[1]));
            figures.put("bare_forward_images_per_second", ImportBenchmark.round(bare[1]));
            figures.put("whole_path_share_of_bare_forward", ImportBenchmark.round(whole[1] / bare[1]));
            figures.put("predict_runs", "median of 3, whole path and bare forward alternating");
        }
        // The project is closed first: the command's own process must be able to take its lock.
        WholeProcess.Timed trainProcess = WholeProcess.run("assist", "train", project.toString(), "--model",
                model + "-trained-by-process", "--epochs", String.valueOf(TRAIN_EPOCHS), "--no-augment", "--device", choice.id());
        Map<String, Object> trainWhole = new LinkedHashMap<>();
        trainWhole.put("command", "labelbench assist train --epochs " + TRAIN_EPOCHS + " --no-augment (its own JVM)");
        trainWhole.put("exit_code", trainProcess.exitCode());
        trainWhole.put("seconds", ImportBenchmark.round(trainProcess.seconds()));
        trainWhole.put("images_per_second", ImportBenchmark.round(
                ((Number) training.get("train_items")).longValue() * TRAIN_EPOCHS / trainProcess.seconds()));
        training.put("whole_process", trainWhole);
        Map<String, Object> trainPeer = TorchTrainingPeer.run(folder.resolve("images"), TRAIN_EPOCHS);
        training.put("pytorch_peer", trainPeer);
        if (trainPeer.get("epoch_images_per_second_median") instanceof Double peerRate) {
            training.put("epoch_images_per_second_vs_pytorch", ImportBenchmark.round(
                    (Double) training.get("epoch_images_per_second_median") / peerRate));
            training.put("whole_process_seconds_vs_pytorch", ImportBenchmark.round(
                    trainProcess.seconds() / (Double) trainPeer.get("seconds")));
        }
        WholeProcess.Timed process = WholeProcess.run("assist", "predict", project.toString(), "--model", model,
                "--run", model + "-process", "--device", choice.id());
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("command", "labelbench assist predict (its own JVM)");
        whole.put("exit_code", process.exitCode());
        whole.put("seconds", ImportBenchmark.round(process.seconds()));
        whole.put("images_per_second", ImportBenchmark.round(items / process.seconds()));
        whole.put("last_line", process.output());
        // PyTorch's intra-op threads spin for cores that other work holds: one thread may beat two on a busy machine.
        WholeProcess.Timed oneThread = WholeProcess.runWith(List.of("-Dai.djl.pytorch.num_threads=1"), "assist",
                "predict", project.toString(), "--model", model, "--run", model + "-one-thread", "--device",
                choice.id());
        whole.put("images_per_second_one_intra_op_thread", ImportBenchmark.round(items / oneThread.seconds()));
        whole.put("exit_code_one_intra_op_thread", oneThread.exitCode());
        figures.put("whole_process", whole);
        Map<String, Object> peer = torchPeer(folder.resolve("images"), folder.resolve("peer.sqlite"));
        figures.put("pytorch_peer", peer);
        if (peer.get("seconds") instanceof Double peerSeconds) {
            figures.put("whole_process_seconds_vs_pytorch", ImportBenchmark.round(process.seconds() / peerSeconds));
        }
        figures.put("audio", AudioAssistBenchmark.run(audioClips(items), choice, workDir));
        return figures;
    }

    /** Clips for the audio half: a tenth of the pictures, at least 300 (a clip is 32 KB and 100 spectrogram frames). */
    static int audioClips(int items) {
        return Math.max(300, items / 10);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static String fileName(int i) {
        return String.format("%06d.png", i);
    }

    /** N pictures: class c is a bright bar at one of ten angles, over noise; labels c = i mod 10. */
    private static void build(Path folder, Path project, int items) throws IOException {
        Path images = Files.createDirectories(folder.resolve("images"));
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < items; i++) {
            int kind = i % CLASSES;
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            double angle = Math.PI * kind / CLASSES;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double distance = Math.abs((x - 13.5) * Math.sin(angle) - (y - 13.5) * Math.cos(angle));
                    int value = random.nextInt(90) + (distance < 2.5 ? 140 : 0);
                    image.getRaster().setSample(x, y, 0, Math.min(255, value));
                }
            }
            ImageIO.write(image, "png", images.resolve(fileName(i)).toFile());
            labels.append(fileName(i)).append(",bench,c").append(kind).append('\n');
        }
        java.util.List<String> classes = new java.util.ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            classes.add("c" + c);
        }
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("assist bench", classes, false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.IMAGES, images), JobContext.silent());
            new LabelFileService().importFile(store, Files.writeString(folder.resolve("labels.csv"), labels));
        }
    }

    /**
     * The peer: Python's PyTorch with the same net (small-cnn: three conv-BN-ReLU-pool stages of
     * 16, 32 and 64 filters and a linear head), reading the same PNGs with Pillow in batches of
     * 256 on both cores, and writing one row per item with Python's sqlite3, timed by the script
     * from its first line (the interpreter's start is the only part left out).
     */
    private static Map<String, Object> torchPeer(Path images, Path database) throws IOException {
        String script = String.join("\n",
                "import sys, time, os",
                "t0 = time.time()",
                "import sqlite3, numpy as np, torch, torch.nn as nn",
                "from PIL import Image",
                "torch.set_num_threads(os.cpu_count())",
                "def stage(i, o): return [nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(),"
                        + " nn.MaxPool2d(2)]",
                "net = nn.Sequential(*stage(1, 16), *stage(16, 32), *stage(32, 64), nn.Flatten(), nn.Dropout(0.25),"
                        + " nn.Linear(64 * 3 * 3, 10)).eval()",
                "folder, db = sys.argv[1], sys.argv[2]",
                "files = sorted(os.listdir(folder))",
                "if os.path.exists(db): os.remove(db)",
                "con = sqlite3.connect(db)",
                "con.execute('CREATE TABLE prediction (item TEXT, label INTEGER, confidence REAL, probabilities BLOB)')",
                "rows = []",
                "with torch.no_grad():",
                "    for start in range(0, len(files), 256):",
                "        names = files[start:start + 256]",
                "        x = np.stack([np.asarray(Image.open(os.path.join(folder, n)).convert('L'), dtype=np.float32)"
                        + " / 255.0 for n in names])",
                "        p = torch.softmax(net(torch.from_numpy((x - 0.5) / 0.25).unsqueeze(1)), 1).numpy()",
                "        best = p.argmax(1)",
                "        rows.extend((n, int(b), float(r[b]), r.astype('<f4').tobytes()) for n, b, r in zip(names, best, p))",
                "con.executemany('INSERT INTO prediction VALUES (?, ?, ?, ?)', rows)",
                "con.commit()",
                "print(len(rows), time.time() - t0)");
        PythonPeer.Outcome outcome = PythonPeer.run("the PyTorch peer", script, images.toString(), database.toString());
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("what", "python3-torch: same net, Pillow decode, sqlite3 writes, timed from the script's first line");
        if (outcome.words().isEmpty()) {
            peer.put("unavailable", outcome.unavailable());
            return peer;
        }
        String[] words = outcome.words().get();
        peer.put("items", Long.parseLong(words[0]));
        double seconds = Double.parseDouble(words[1]);
        peer.put("seconds", ImportBenchmark.round(seconds));
        peer.put("images_per_second", ImportBenchmark.round(Long.parseLong(words[0]) / seconds));
        return peer;
    }
}
