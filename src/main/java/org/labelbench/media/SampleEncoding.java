package org.labelbench.media;

import java.util.Optional;

/** How one sample is stored in a WAV data chunk (little-endian), and how it reads as a float. */
enum SampleEncoding {
    /** 8-bit PCM is unsigned: 128 is silence. */
    PCM_U8(8, false) {
        @Override
        float decode(byte[] data, int at) {
            return ((data[at] & 0xff) - 128) / 128f;
        }
    },
    PCM_S16(16, false) {
        @Override
        float decode(byte[] data, int at) {
            return (short) Bytes.u16le(data, at) / 32768f;
        }
    },
    PCM_S24(24, false) {
        @Override
        float decode(byte[] data, int at) {
            return (Bytes.u24le(data, at) << 8 >> 8) / 8388608f; // shifts sign-extend the 24 bits
        }
    },
    PCM_S32(32, false) {
        @Override
        float decode(byte[] data, int at) {
            return (float) (Bytes.s32le(data, at) / 2147483648.0);
        }
    },
    FLOAT32(32, true) {
        @Override
        float decode(byte[] data, int at) {
            return Float.intBitsToFloat(Bytes.s32le(data, at));
        }
    },
    FLOAT64(64, true) {
        @Override
        float decode(byte[] data, int at) {
            return (float) Double.longBitsToDouble(Bytes.u64le(data, at));
        }
    };

    final int bits;
    final boolean floating;

    SampleEncoding(int bits, boolean floating) {
        this.bits = bits;
        this.floating = floating;
    }

    int bytes() {
        return bits / 8;
    }

    /** The sample at byte {@code at}: integers scaled to [-1, 1); floats as stored. */
    abstract float decode(byte[] data, int at);

    static Optional<SampleEncoding> of(boolean floating, int bits) {
        for (SampleEncoding encoding : values()) {
            if (encoding.floating == floating && encoding.bits == bits) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }
}
