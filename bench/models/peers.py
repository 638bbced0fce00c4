"""The Python peers of the model benchmark, on the exact matrix and folds leadstack used.

Usage: peers.py <bench data dir> <comma-separated peers> <threads>
Reads X.f64 (row-major float64), y.i8, folds.i32 and meta.json written by bench-models.ts; prints one
JSON line per peer and fold: fit seconds, predict seconds per 100k rows, ROC-AUC, PR-AUC, log loss.
`coef` as a peer fits scikit-learn's LogisticRegression on the whole standardized matrix and prints its
coefficients (for the 1e-4 agreement check). The reference is scikit-learn's exact Newton solver
(`newton-cholesky`, gradient down to ~1e-10); its default `lbfgs` is fitted too and its own distance
from that optimum printed, because on collinear one-hot blocks lbfgs stops early (its line search
gives up with the gradient still ~1e-2) and would make any solver that reaches the optimum look off.
"""
import json
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler


def make(key, threads, seed, C):
    if key == "sk-lr":
        return LogisticRegression(C=C, max_iter=5000, tol=1e-10), True
    if key == "sk-rf":
        return RandomForestClassifier(n_estimators=300, n_jobs=threads, random_state=seed), False
    if key == "xgb":
        from xgboost import XGBClassifier

        # base_score pinned at 0.5 (the default before XGBoost 2.0), as leadstack's side sets it, so that
        # every XGBoost version starts from the same place.
        return XGBClassifier(
            tree_method="hist", n_estimators=300, max_depth=6, learning_rate=0.1, base_score=0.5, nthread=threads, random_state=seed
        ), False
    if key == "sk-hgb":
        return HistGradientBoostingClassifier(max_iter=300, max_depth=6, learning_rate=0.1, early_stopping=False, random_state=seed), False
    if key == "sk-mlp":
        return MLPClassifier(hidden_layer_sizes=(64, 32), max_iter=200, random_state=seed), True
    raise SystemExit(f"unknown peer {key}")


def main():
    data, peers, threads = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
    meta = json.load(open(f"{data}/meta.json"))
    X = np.fromfile(f"{data}/X.f64", dtype="<f8").reshape(meta["rows"], meta["cols"])
    y = np.fromfile(f"{data}/y.i8", dtype="i1").astype(int)
    folds = np.fromfile(f"{data}/folds.i32", dtype="<i4")
    k = int(folds.max()) + 1
    tile = np.resize(np.arange(X.shape[0]), 100_000)
    for key in peers:
        if key == "coef":
            Z = StandardScaler().fit_transform(X)
            exact = LogisticRegression(C=meta["C"], max_iter=1000, tol=1e-12, solver="newton-cholesky").fit(Z, y)
            lbfgs = LogisticRegression(C=meta["C"], max_iter=10000, tol=1e-12).fit(Z, y)
            lbfgs_gap = max(
                float(np.abs(lbfgs.coef_[0] - exact.coef_[0]).max()), abs(float(lbfgs.intercept_[0] - exact.intercept_[0]))
            )
            print(json.dumps({
                "peer": "coef",
                "coef": exact.coef_[0].tolist(),
                "intercept": float(exact.intercept_[0]),
                "n_iter": int(exact.n_iter_[0]),
                "lbfgs_gap": lbfgs_gap,
            }), flush=True)
            continue
        for f in range(k):
            train, test = folds != f, folds == f
            model, scale = make(key, threads, meta["seed"], meta["C"])
            Xtr, Xte, Xbig = X[train], X[test], X[tile]
            if scale:
                scaler = StandardScaler().fit(Xtr)
                Xtr, Xte, Xbig = scaler.transform(Xtr), scaler.transform(Xte), scaler.transform(Xbig)
            t0 = time.perf_counter()
            model.fit(Xtr, y[train])
            fit_s = time.perf_counter() - t0
            p = model.predict_proba(Xte)[:, 1]
            t0 = time.perf_counter()
            model.predict_proba(Xbig)
            predict_s = time.perf_counter() - t0
            print(json.dumps({
                "peer": key, "fold": f, "fit_s": fit_s, "predict_s_100k": predict_s,
                "roc_auc": roc_auc_score(y[test], p), "pr_auc": average_precision_score(y[test], p),
                "log_loss": log_loss(y[test], np.clip(p, 1e-15, 1 - 1e-15)),
            }), flush=True)


if __name__ == "__main__":
    main()
