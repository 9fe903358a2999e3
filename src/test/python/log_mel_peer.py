#!/usr/bin/python3
"""The log-mel front end of media/LogMelSpectrogram and media/MelFilterbank written again in
vectorized numpy, as the second implementation LogMelSpectrogramTest checks against: the mel
filterbank as librosa.filters.mel builds it (Slaney or HTK mel scale, Slaney area normalisation or
none), frames centred by numpy's reflect padding (librosa/torch center=True, pad_mode='reflect'),
a periodic Hann window of win_length centred in n_fft, the power spectrum by np.fft.rfft, the mel
energies, ln(energy + 1e-6). librosa is not packaged in Debian; when python3-torch is there, the
power spectrum is also taken by torch.stft and the log-mel it gives compared (printed under "torch").

Run (Debian: apt-get install python3-numpy):  /usr/bin/python3 src/test/python/log_mel_peer.py CASES.json
CASES.json is a list of cases, each with "clip" (a file of the mono clip as raw little-endian float32)
and either "kind": "logmel" with "sr", "n_fft", "win", "hop", "mels", "fmin", "fmax", "scale"
(slaney|htk), "norm" (slaney|none) and "length" (the samples the clip is cut or zero-padded to first),
or "kind": "resample" with "from" and "to" (rates). Prints one line of JSON, a list of results in order:
{"frames", "bins", "filters": [mels][bins], "logmel": [mels][frames], "torch": null or {...}} for a
log-mel case; {"scipy": version, "out": scipy.signal.resample_poly(x, up, down)} for a resampling one,
the check of media/Resampler against scipy itself (python3-scipy).
"""
import json
import sys

import numpy as np

F_SP = 200.0 / 3
MIN_LOG_HZ = 1000.0
MIN_LOG_MEL = MIN_LOG_HZ / F_SP
LOG_STEP = np.log(6.4) / 27.0


def hz_to_mel(hz, scale):
    hz = np.asanyarray(hz, dtype=np.float64)
    if scale == "htk":
        return 2595.0 * np.log10(1.0 + hz / 700.0)
    safe = np.maximum(hz, MIN_LOG_HZ)
    return np.where(hz >= MIN_LOG_HZ, MIN_LOG_MEL + np.log(safe / MIN_LOG_HZ) / LOG_STEP, hz / F_SP)


def mel_to_hz(mel, scale):
    mel = np.asanyarray(mel, dtype=np.float64)
    if scale == "htk":
        return 700.0 * (10.0 ** (mel / 2595.0) - 1.0)
    return np.where(mel >= MIN_LOG_MEL, MIN_LOG_HZ * np.exp(LOG_STEP * (mel - MIN_LOG_MEL)), F_SP * mel)


def mel_filters(sr, n_fft, n_mels, fmin, fmax, scale, norm):
    bin_hz = np.fft.rfftfreq(n_fft, d=1.0 / sr)
    edges = mel_to_hz(np.linspace(hz_to_mel(fmin, scale), hz_to_mel(fmax, scale), n_mels + 2), scale)
    lower = edges[:-2, None]
    centre = edges[1:-1, None]
    upper = edges[2:, None]
    rising = (bin_hz[None, :] - lower) / (centre - lower)
    falling = (upper - bin_hz[None, :]) / (upper - centre)
    weights = np.maximum(0.0, np.minimum(rising, falling))
    if norm == "slaney":
        weights *= (2.0 / (upper - lower))
    return weights


def hann_in_frame(n_fft, win):
    n = np.arange(win)
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * n / win)
    left = (n_fft - win) // 2
    return np.pad(window, (left, n_fft - win - left))


def fit(y, length):
    return y[:length] if len(y) >= length else np.pad(y, (0, length - len(y)))


def power_spectrum(y, n_fft, win, hop):
    if len(y) == 0:
        padded = np.zeros(n_fft)
    else:
        padded = np.pad(y, n_fft // 2, mode="reflect")
    frames = np.lib.stride_tricks.sliding_window_view(padded, n_fft)[::hop]
    return np.abs(np.fft.rfft(frames * hann_in_frame(n_fft, win)[None, :], axis=1)) ** 2  # [frames, bins]


def torch_check(y, n_fft, win, hop, filters, logmel):
    try:
        import torch
    except ImportError:
        return None
    spec = torch.stft(torch.from_numpy(y), n_fft, hop_length=hop, win_length=win,
                      window=torch.hann_window(win, periodic=True, dtype=torch.float64),
                      center=True, pad_mode="reflect", return_complex=True)
    power = (spec.abs() ** 2).numpy()  # [bins, frames]
    theirs = np.log(filters @ power + 1e-6)
    return {"version": torch.__version__, "frames": int(power.shape[1]),
            "max_abs_logmel_diff": float(np.max(np.abs(theirs - logmel)))}


def log_mel(case):
    sr, n_fft, win, hop, n_mels, length = (int(case[k]) for k in ("sr", "n_fft", "win", "hop", "mels", "length"))
    y = read_clip(case["clip"])
    y = fit(y, length)
    filters = mel_filters(sr, n_fft, n_mels, float(case["fmin"]), float(case["fmax"]), case["scale"], case["norm"])
    power = power_spectrum(y, n_fft, win, hop)
    logmel = np.log(filters @ power.T + 1e-6)
    torch_result = torch_check(y, n_fft, win, hop, filters, logmel) if len(y) > n_fft // 2 else None
    return {"frames": int(power.shape[0]), "bins": int(power.shape[1]),
            "filters": filters.tolist(), "logmel": logmel.tolist(), "torch": torch_result}


def resample(case):
    import math
    import scipy
    from scipy.signal import resample_poly
    y = read_clip(case["clip"])
    g = math.gcd(int(case["from"]), int(case["to"]))
    out = resample_poly(y, int(case["to"]) // g, int(case["from"]) // g)
    return {"scipy": scipy.__version__, "out": out.tolist()}


def read_clip(path):
    y = np.fromfile(path, dtype="<f4").astype(np.float64)
    y[~np.isfinite(y)] = 0.0
    return y


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    print(json.dumps([log_mel(c) if c["kind"] == "logmel" else resample(c) for c in cases]))
