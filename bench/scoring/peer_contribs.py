"""XGBoost's exact Tree SHAP (pred_contribs=True) as the peer of leadstack's explanation step.

Usage: peer_contribs.py <dir>
Reads train.f64 / train.i8 (the champion's training matrix and labels, row-major float64, NaN for
missing) and explain.f64 (leads to explain) with meta.json, all written by bench-scoring.ts; fits an
XGBoost model shaped like the champion (300 trees of depth 4, learning rate 0.05, row and column
subsampling 0.8, min child weight 2) and prints one JSON line: microseconds per row for predict and
for pred_contribs with 1 and 2 threads, the trees' mean leaf count, and the additivity error.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb


def time_runs(repeats, E, run):
    """Runs `run(dmatrix)` on a fresh DMatrix each time (XGBoost caches predictions per DMatrix)."""
    times = []
    for _ in range(repeats):
        d = xgb.DMatrix(E, missing=np.nan)
        t0 = time.perf_counter()
        out = run(d)
        times.append(time.perf_counter() - t0)
    return min(times), max(times), out


def main():
    data = sys.argv[1]
    meta = json.load(open(f"{data}/meta.json"))
    X = np.fromfile(f"{data}/train.f64", dtype="<f8").reshape(meta["trainRows"], meta["cols"])
    y = np.fromfile(f"{data}/train.i8", dtype="i1").astype(int)
    E = np.fromfile(f"{data}/explain.f64", dtype="<f8").reshape(meta["explainRows"], meta["cols"])
    params = {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "max_depth": 4,
        "eta": 0.05,
        "subsample": 0.8,
        "colsample_bytree": 0.8,
        "min_child_weight": 2,
        "seed": meta["seed"],
        "nthread": 2,
    }
    booster = xgb.train(params, xgb.DMatrix(X, label=y, missing=np.nan), num_boost_round=300)
    out = {"peer": "xgboost", "version": xgb.__version__, "rows": E.shape[0]}
    for threads in (1, 2):
        booster.set_param({"nthread": threads})
        lo, hi, _ = time_runs(3, E, lambda d: booster.predict(d))
        out[f"predict_us_{threads}"] = [1e6 * lo / E.shape[0], 1e6 * hi / E.shape[0]]
        lo, hi, contribs = time_runs(3, E, lambda d: booster.predict(d, pred_contribs=True))
        out[f"contribs_us_{threads}"] = [1e6 * lo / E.shape[0], 1e6 * hi / E.shape[0]]
    margin = booster.predict(xgb.DMatrix(E, missing=np.nan), output_margin=True)
    out["additivity_max_error"] = float(np.max(np.abs(contribs.sum(axis=1) - margin)))
    leaves = [tree.count("leaf=") for tree in booster.get_dump()]
    out["mean_leaves"] = float(np.mean(leaves))
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
