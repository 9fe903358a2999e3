"""Builds the TorchScript fixture of TorchScriptLoaderTest with Debian's python3-torch.

Writes, into the folder given (src/test/resources/org/labelbench/assist/torchscript):
  pictures/p0.png ... p5.png   six 12x10 greyscale pictures (width 12, height 10)
  tiny-logits.pt               a tiny CNN, traced, answering logits for 3 classes
  tiny-softmax.pt              the same net ending in a softmax (answers probabilities)
  labels.txt                   its output order (not the project's order: ring, dot, bar)
  expected.json                the probabilities python computed for each picture, with the
                               loader's default preprocessing: /255, then (x - 0.5) / 0.25

Run: /usr/bin/python3 src/test/python/make_torchscript_fixture.py DIR
"""
import json
import os
import sys
import zlib
import struct

import torch

WIDTH, HEIGHT = 12, 10


def png_grey(path, rows):
    raw = b"".join(b"\x00" + bytes(row) for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw)))
        f.write(chunk(b"IEND", b""))


class Tiny(torch.nn.Module):
    def __init__(self, softmax):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, 3, padding=1)
        self.pool = torch.nn.AdaptiveAvgPool2d((2, 2))
        self.head = torch.nn.Linear(16, 3)
        self.softmax = softmax

    def forward(self, x):
        y = self.head(torch.flatten(self.pool(torch.relu(self.conv(x))), 1))
        return torch.softmax(y, 1) if self.softmax else y


def main(out):
    os.makedirs(os.path.join(out, "pictures"), exist_ok=True)
    generator = torch.Generator().manual_seed(20261203)
    pictures = []
    for i in range(6):
        pixels = torch.randint(0, 256, (HEIGHT, WIDTH), generator=generator, dtype=torch.int32)
        rows = pixels.tolist()
        png_grey(os.path.join(out, "pictures", "p%d.png" % i), rows)
        pictures.append(pixels)
    torch.manual_seed(7)
    logits_net = Tiny(False).eval()
    with torch.no_grad():
        logits_net.head.weight.mul_(8.0)
    softmax_net = Tiny(True).eval()
    softmax_net.load_state_dict(logits_net.state_dict())
    batch = torch.stack([(p.float() / 255.0 - 0.5) / 0.25 for p in pictures]).unsqueeze(1)
    example = torch.zeros(1, 1, HEIGHT, WIDTH)
    torch.jit.trace(logits_net, example).save(os.path.join(out, "tiny-logits.pt"))
    torch.jit.trace(softmax_net, example).save(os.path.join(out, "tiny-softmax.pt"))
    with torch.no_grad():
        probabilities = torch.softmax(logits_net(batch), 1)
    with open(os.path.join(out, "labels.txt"), "w") as f:
        f.write("ring\ndot\nbar\n")
    expected = {"p%d" % i: [float(v) for v in probabilities[i]] for i in range(6)}
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"torch": torch.__version__, "probabilities": expected}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
