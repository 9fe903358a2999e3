package org.labelbench.assist;

/** Audio features that know the input they were made for (for the model's row). */
interface AudioModelInput extends ItemFeatures {
    AudioInput input();
}
