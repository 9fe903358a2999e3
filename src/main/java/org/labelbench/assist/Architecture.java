package org.labelbench.assist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import java.util.Locale;
import org.labelbench.project.BadValueException;

/**
 * The nets the workbench trains, built from DJL blocks. A stored model records the architecture's
 * id and its input, so the same block is rebuilt before its parameters are loaded.
 */
public enum Architecture {
    /**
     * Three conv stages (16, 32, 64 filters, each halving the picture) and a linear head: about
     * two million multiply-adds for a 28×28 picture, so a laptop CPU predicts thousands a second.
     * For small pictures (up to 64 px a side) and spectrograms.
     */
    SMALL_CNN("small-cnn"),
    /** A ResNet-style net (a strided stem, three stages of two residual blocks, global pooling). */
    RESNET("resnet");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Architecture parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        for (Architecture architecture : values()) {
            if (architecture.id.equals(value)) {
                return architecture;
            }
        }
        throw new BadValueException("architecture", text, ": expected small-cnn or resnet");
    }

    /** The default for pictures of this size: the small CNN up to 64 px a side, else the ResNet. */
    public static Architecture forInput(int width, int height) {
        return Math.max(width, height) <= 64 ? SMALL_CNN : RESNET;
    }

    public Block build(int classes) {
        return switch (this) {
            case SMALL_CNN -> smallCnn(classes);
            case RESNET -> resnet(classes);
        };
    }

    private static Block smallCnn(int classes) {
        return new SequentialBlock()
                .add(convBnRelu(16, 1)).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convBnRelu(32, 1)).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convBnRelu(64, 1)).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.25f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block resnet(int classes) {
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1)).setFilters(32).optBias(false).build())
                .add(BatchNorm.builder().build()).add(Activation::relu);
        int[] widths = {32, 64, 128};
        for (int stage = 0; stage < widths.length; stage++) {
            net.add(residual(widths[stage], stage == 0 ? 1 : 2, stage > 0));
            net.add(residual(widths[stage], 1, false));
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(Linear.builder().setUnits(classes).build());
    }

    private static Block convBnRelu(int filters, int stride) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                        .optPadding(new Shape(1, 1)).setFilters(filters).optBias(false).build())
                .add(BatchNorm.builder().build()).add(Activation::relu);
    }

    /** He et al.'s basic block: two 3×3 convs beside a shortcut (a strided 1×1 conv when the shape changes). */
    private static Block residual(int filters, int stride, boolean project) {
        SequentialBlock path = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                        .optPadding(new Shape(1, 1)).setFilters(filters).optBias(false).build())
                .add(BatchNorm.builder().build()).add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(filters).optBias(false).build())
                .add(BatchNorm.builder().build());
        Block shortcut = project
                ? new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(1, 1))
                        .optStride(new Shape(stride, stride)).setFilters(filters).optBias(false).build())
                        .add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(Architecture::sum, List.of(path, shortcut)))
                .add(Activation::relu);
    }

    private static NDList sum(List<NDList> branches) {
        NDArray total = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
        return new NDList(total);
    }
}
