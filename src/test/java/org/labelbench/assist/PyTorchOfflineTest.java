package org.labelbench.assist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * The pinned PyTorch natives load from the jar with {@code ai.djl.offline=true}: nothing is
 * downloaded at run time, on a machine with no network (the build sets the property).
 */
class PyTorchOfflineTest {

    @Test
    void thePinnedEngineComputesOnTheCpuOffline() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        Engine engine = Engine.getEngine("PyTorch");
        assertThat(engine.getVersion()).isEqualTo("2.7.1");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray sum = manager.create(new float[] {1, 2, 3}).add(manager.create(new float[] {10, 20, 30}));
            assertThat(sum.toFloatArray()).containsExactly(11f, 22f, 33f);
        }
    }
}
