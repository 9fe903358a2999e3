package org.labelbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training peer: Python's PyTorch training the same small CNN (three conv-BN-ReLU-pool stages
 * of 16, 32 and 64 filters, dropout 0.25, a linear head) with the same recipe (Adam at 1e-3,
 * batch 64, cross-entropy, no augmentation, a 10 % holdout of every class, items 0–9, 100–109 and so
 * on, judged after every epoch) on the same
 * PNGs, decoded once with Pillow as the workbench keeps them decoded after its first epoch.
 */
final class TorchTrainingPeer {
    private static final String SCRIPT = String.join("\n",
            "import sys, time, os",
            "t0 = time.time()",
            "import numpy as np, torch, torch.nn as nn",
            "from PIL import Image",
            "torch.set_num_threads(os.cpu_count()); torch.manual_seed(42)",
            "def stage(i, o): return [nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(),"
                    + " nn.MaxPool2d(2)]",
            "net = nn.Sequential(*stage(1, 16), *stage(16, 32), *stage(32, 64), nn.Flatten(), nn.Dropout(0.25),"
                    + " nn.Linear(64 * 3 * 3, 10))",
            "folder, epochs = sys.argv[1], int(sys.argv[2])",
            "files = sorted(os.listdir(folder))",
            "x = np.stack([np.asarray(Image.open(os.path.join(folder, n)).convert('L'), dtype=np.float32) / 255.0"
                    + " for n in files])",
            "x = torch.from_numpy((x - x.mean()) / x.std()).unsqueeze(1)",
            "y = torch.tensor([i % 10 for i in range(len(files))])",
            "dev = torch.arange(len(files)) // 10 % 10 == 0",
            "xt, yt, xd, yd = x[~dev], y[~dev], x[dev], y[dev]",
            "decode = time.time() - t0",
            "opt = torch.optim.Adam(net.parameters(), lr=1e-3); loss = nn.CrossEntropyLoss()",
            "times = []",
            "for e in range(epochs):",
            "    s = time.time(); net.train(); order = torch.randperm(len(xt))",
            "    for b in range(0, len(xt), 64):",
            "        i = order[b:b + 64]; opt.zero_grad(); l = loss(net(xt[i]), yt[i]); l.backward(); opt.step()",
            "    net.eval()",
            "    with torch.no_grad():",
            "        right = sum(int((net(xd[b:b + 256]).argmax(1) == yd[b:b + 256]).sum()) for b in range(0, len(xd), 256))",
            "    times.append(time.time() - s)",
            "print(len(xt), right / len(xd), decode, time.time() - t0, *times)");

    private TorchTrainingPeer() {
    }

    static Map<String, Object> run(Path images, int epochs) throws IOException {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("what", "python3-torch: same net and recipe (Adam 1e-3, batch 64, no augmentation, 10 % holdout"
                + " judged each epoch), Pillow decode once, timed from the script's first line");
        PythonPeer.Outcome outcome = PythonPeer.run("the PyTorch training peer", SCRIPT, images.toString(),
                String.valueOf(epochs));
        if (outcome.words().isEmpty()) {
            peer.put("unavailable", outcome.unavailable());
            return peer;
        }
        String[] words = outcome.words().get();
        long trainItems = Long.parseLong(words[0]);
        double[] epochSeconds = new double[words.length - 4];
        for (int i = 0; i < epochSeconds.length; i++) {
            epochSeconds[i] = Double.parseDouble(words[4 + i]);
        }
        peer.put("train_items", trainItems);
        peer.put("dev_accuracy_last_epoch", ImportBenchmark.round(Double.parseDouble(words[1])));
        peer.put("decode_seconds", ImportBenchmark.round(Double.parseDouble(words[2])));
        peer.put("seconds", ImportBenchmark.round(Double.parseDouble(words[3])));
        double[] sorted = epochSeconds.clone();
        Arrays.sort(sorted);
        peer.put("epoch_images_per_second_median", ImportBenchmark.round(trainItems / sorted[sorted.length / 2]));
        peer.put("images_per_second_whole", ImportBenchmark.round(trainItems * epochs / Double.parseDouble(words[3])));
        return peer;
    }
}
