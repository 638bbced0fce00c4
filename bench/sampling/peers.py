"""The imbalanced-learn side of the sampler benchmark, on the exact matrix and folds leadstack used.

Usage:
    peers.py resample <bench data dir> <strategy> <out dir>
    peers.py knn <knn dir> <k>

`resample` reads X.f64 (row-major float64), y.i8, folds.i32 and meta.json written by
bench-samplers.ts and resamples the training part of every fold with one imbalanced-learn sampler
(random_state = seed + fold), timing fit_resample only. It writes, per fold, what the TypeScript
side needs to rebuild the resampled training part and fit the same model on it:
  - random-under / random-over: fold-<f>.idx.i32, the input rows kept or copied (sample_indices_);
  - smote / smote-nc: fold-<f>.X.f64 and fold-<f>.y.i8, the synthetic rows (imbalanced-learn
    returns the training rows unchanged, followed by the synthetic ones).
SMOTENC gets the same categorical variables as leadstack's SmoteNc: each one-hot group is passed
as one column of value codes (its patterns, all-zero included) and each binary column as itself;
the codes are turned back into the one-hot columns before writing. Strategy `smote-nc-columns`
instead passes every one-hot column as a categorical of its own (how SMOTENC is often called on
an encoded matrix) on the first meta["columnsFolds"] folds; it reports time, memory and the share
of synthetic rows whose one-hot groups hold a pattern no minority row has (two levels at once, or
none where every row has one), and writes nothing.
Prints one JSON line per fold (seconds, rows after resampling) and a last line with the peak RSS
of this process (or the error, e.g. a MemoryError).

`knn` reads points.f64 and meta.json and times scikit-learn's brute-force NearestNeighbors
(k + 1 neighbours of every row, itself included), writing the distances for the agreement check.
"""
import json
import resource
import sys
import time

import numpy as np


def peak_rss_mb():
    """Peak RSS of this process since exec (VmHWM). ru_maxrss would also count the parent's RSS at fork time."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(data):
    meta = json.load(open(f"{data}/meta.json"))
    X = np.fromfile(f"{data}/X.f64", dtype="<f8").reshape(meta["rows"], meta["cols"])
    y = np.fromfile(f"{data}/y.i8", dtype="i1").astype(np.int64)
    folds = np.fromfile(f"{data}/folds.i32", dtype="<i4")
    return meta, X, y, folds


def coded(X, meta):
    """Continuous columns, then one code column per one-hot group and the binary columns; and how to decode."""
    groups, binary = meta["oneHotGroups"], meta["binaryColumns"]
    categorical = {j for g in groups for j in g} | set(binary)
    continuous = [j for j in range(X.shape[1]) if j not in categorical]
    parts, patterns = [X[:, continuous]], []
    for g in groups:
        levels, codes = np.unique(X[:, g], axis=0, return_inverse=True)
        parts.append(codes.reshape(-1, 1).astype(np.float64))
        patterns.append(levels)
    parts.append(X[:, binary])
    return np.hstack(parts), continuous, patterns


def decoded(Z, meta, continuous, patterns):
    out = np.zeros((Z.shape[0], meta["cols"]))
    c = len(continuous)
    out[:, continuous] = Z[:, :c]
    for i, g in enumerate(meta["oneHotGroups"]):
        out[:, g] = patterns[i][Z[:, c + i].astype(np.int64)]
    out[:, meta["binaryColumns"]] = Z[:, c + len(patterns):]
    return out


def invalid_share(X_new, X_class, meta):
    """Share of synthetic rows with a one-hot group pattern that no row of the class holds (e.g. two levels, or none)."""
    bad = np.zeros(X_new.shape[0], dtype=bool)
    for g in meta["oneHotGroups"]:
        seen = {row.tobytes() for row in np.ascontiguousarray(X_class[:, g])}
        block = np.ascontiguousarray(X_new[:, g])
        bad |= np.array([row.tobytes() not in seen for row in block], dtype=bool)
    return float(bad.mean()) if len(bad) else 0.0


def resample(data, strategy, out):
    from imblearn.over_sampling import SMOTE, SMOTENC, RandomOverSampler
    from imblearn.under_sampling import RandomUnderSampler

    meta, X, y, folds = load(data)
    k = meta["kNeighbors"]
    n_folds = int(folds.max()) + 1
    if strategy == "smote-nc-columns":
        n_folds = min(n_folds, int(meta.get("columnsFolds", n_folds)))
    for f in range(n_folds):
        train = np.flatnonzero(folds != f)
        Xtr, ytr = X[train], y[train]
        seed = meta["seed"] + f
        record = {"fold": f}
        if strategy == "smote-nc":
            Z, continuous, patterns = coded(Xtr, meta)
            cat = list(range(len(continuous), Z.shape[1]))
            sampler = SMOTENC(categorical_features=cat, k_neighbors=k, random_state=seed)
            t0 = time.perf_counter()
            Z_res, y_res = sampler.fit_resample(Z, ytr)
            record["seconds"] = time.perf_counter() - t0
            X_new = decoded(Z_res[len(train):], meta, continuous, patterns)
        elif strategy == "smote-nc-columns":
            cat = sorted({j for g in meta["oneHotGroups"] for j in g} | set(meta["binaryColumns"]))
            sampler = SMOTENC(categorical_features=cat, k_neighbors=k, random_state=seed)
            t0 = time.perf_counter()
            X_res, y_res = sampler.fit_resample(Xtr, ytr)
            record["seconds"] = time.perf_counter() - t0
            record["invalid_share"] = invalid_share(X_res[len(train):], Xtr[ytr == 1], meta)
            X_new = None
        else:
            sampler = {
                "random-under": lambda: RandomUnderSampler(random_state=seed),
                "random-over": lambda: RandomOverSampler(random_state=seed),
                "smote": lambda: SMOTE(k_neighbors=k, random_state=seed),
            }[strategy]()
            t0 = time.perf_counter()
            X_res, y_res = sampler.fit_resample(Xtr, ytr)
            record["seconds"] = time.perf_counter() - t0
            X_new = X_res[len(train):] if strategy == "smote" else None
        record["rows"] = int(len(y_res))
        record["positives"] = int((y_res == 1).sum())
        if strategy in ("random-under", "random-over"):
            train[sampler.sample_indices_].astype("<i4").tofile(f"{out}/fold-{f}.idx.i32")
        elif X_new is not None:
            np.ascontiguousarray(X_new, dtype="<f8").tofile(f"{out}/fold-{f}.X.f64")
            y_res[len(train):].astype("i1").tofile(f"{out}/fold-{f}.y.i8")
        print(json.dumps(record), flush=True)


def knn(data, k):
    from sklearn.neighbors import NearestNeighbors

    meta = json.load(open(f"{data}/meta.json"))
    P = np.fromfile(f"{data}/points.f64", dtype="<f8").reshape(meta["rows"], meta["cols"])
    t0 = time.perf_counter()
    dist, _ = NearestNeighbors(n_neighbors=k + 1, algorithm="brute").fit(P).kneighbors(P)
    seconds = time.perf_counter() - t0
    np.ascontiguousarray(dist[:, 1:], dtype="<f8").tofile(f"{data}/sklearn-distances.f64")
    print(json.dumps({"seconds": seconds, "peak_rss_mb": peak_rss_mb()}), flush=True)


def main():
    mode = sys.argv[1]
    try:
        if mode == "resample":
            resample(sys.argv[2], sys.argv[3], sys.argv[4])
        elif mode == "knn":
            knn(sys.argv[2], int(sys.argv[3]))
        else:
            raise SystemExit(f"unknown mode {mode}")
    except MemoryError as error:
        print(json.dumps({"error": f"MemoryError: {error}", "peak_rss_mb": peak_rss_mb()}), flush=True)
        return
    print(json.dumps({"peak_rss_mb": peak_rss_mb()}), flush=True)


if __name__ == "__main__":
    main()
