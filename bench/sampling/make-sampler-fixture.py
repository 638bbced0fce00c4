"""Reference behaviour of leadstack's samplers (src/sampling/), from imbalanced-learn 0.10.

Run with the Python that has imbalanced-learn 0.10 and scikit-learn 1.2 (from the repository root):

    /usr/bin/python3 bench/sampling/make-sampler-fixture.py

It writes bench/fixtures/sampling-imblearn.json, which src/sampling/imblearn-reference.test.ts
compares with the TypeScript samplers. The input is generated from a fixed seed and stored in the
fixture, so the output is identical run to run. Interpolation weights come from different random
generators, so the fixture holds structure, not values:

  - class counts after resampling, for every form of sampling_strategy (names, ratios, maps) on a
    binary, a three-class and a tied three-class label set, as resolved by imbalanced-learn's
    check_sampling_strategy and checked here against RandomOverSampler, SMOTE, SMOTENC and
    RandomUnderSampler, and the cases imbalanced-learn refuses;
  - SMOTE's neighbour sets: for each minority row, which minority rows are its k nearest (from the
    fitted nn_k_ of imblearn's SMOTE);
  - SMOTE-NC's neighbour sets, with the categorical variables given as value codes (the one-hot
    group 3–5 as one code, the 0/1 column 6 as itself):
      * "raw": imbalanced-learn's encoding (continuous columns as they are, one-hot entries of the
        fitted median_std_) with the one-hot scale of imbalanced-learn >= 0.11, median_std / sqrt(2),
        so a mismatch costs median_std^2 — 0.10 used median_std / 2 (a mismatch cost median_std^2 / 2),
        which 0.11 corrected; the 0.10 neighbour sets are recorded too ("imblearn_0_10");
      * "standardized": leadstack's default, continuous columns divided by the minority class's std
        (ddof 0), so the median std is 1 and a mismatch costs 1; computed with NearestNeighbors.
"""

import json
import os
import warnings
from collections import Counter

import imblearn
import numpy as np
import sklearn
from imblearn.over_sampling import SMOTE, SMOTENC, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from imblearn.utils import check_sampling_strategy
from sklearn.neighbors import NearestNeighbors

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "sampling-imblearn.json")


def make_x(rows, seed):
    """Columns 0-2 continuous (different scales), 3-5 a one-hot group with an all-zero level, 6 a 0/1 column."""
    rng = np.random.RandomState(seed)
    X = np.zeros((rows, 7))
    X[:, 0] = rng.normal(0, 1, rows)
    X[:, 1] = rng.uniform(0, 10, rows)
    X[:, 2] = rng.lognormal(0, 0.7, rows)
    level = rng.randint(0, 4, rows)
    for lv in range(3):
        X[level == lv, 3 + lv] = 1
    X[:, 6] = (rng.uniform(size=rows) < 0.35).astype(float)
    return X


def labels(counts, seed):
    rng = np.random.RandomState(seed)
    y = np.concatenate([np.full(c, k) for k, c in enumerate(counts)])
    return rng.permutation(y)


def counts_of(y, n_classes):
    c = Counter(int(v) for v in y)
    return [c.get(k, 0) for k in range(n_classes)]


def strategy_json(s):
    return {str(k): v for k, v in s.items()} if isinstance(s, dict) else s


def run_strategy(X, y, direction, strategy, n_classes):
    """Class counts after resampling, or imbalanced-learn's refusal.

    The counts come from check_sampling_strategy (what every sampler resolves its strategy with)
    and are checked against the samplers' output. 0.10's parameter check refuses 'minority' for
    over-samplers although check_sampling_strategy and the documentation support it; such cases
    keep the check_sampling_strategy counts and say so in "note".
    """
    case = {"direction": direction, "strategy": strategy_json(strategy)}
    kind = "over-sampling" if direction == "over" else "under-sampling"
    before = counts_of(y, n_classes)
    try:
        resolved = check_sampling_strategy(strategy, y, kind)
    except ValueError as error:
        case["error"] = str(error)
        return case
    counts = list(before)
    for k, n in resolved.items():
        counts[int(k)] = int(before[int(k)] + n if direction == "over" else n)
    case["counts"] = counts
    samplers = (
        [RandomOverSampler(sampling_strategy=strategy, random_state=0),
         SMOTE(sampling_strategy=strategy, k_neighbors=3, random_state=0),
         SMOTENC(categorical_features=[3, 4, 5, 6], sampling_strategy=strategy, k_neighbors=3, random_state=0)]
        if direction == "over" else [RandomUnderSampler(sampling_strategy=strategy, random_state=0)]
    )
    refused = []
    for sampler in samplers:
        try:
            _, y_res = sampler.fit_resample(X, y)
        except ValueError as error:
            # The message lists a set of options in hash order, so it is not recorded.
            assert "sampling_strategy" in str(error)
            refused.append(type(sampler).__name__)
            continue
        assert counts_of(y_res, n_classes) == counts, (strategy, type(sampler).__name__)
    if refused:
        case["note"] = (
            f"{', '.join(refused)} refuse it in imbalanced-learn {imblearn.__version__}: their parameter check "
            "lists 'majority' where over-samplers document 'minority'; counts from check_sampling_strategy"
        )
    return case


def coded(X):
    """The one-hot group 3-5 as one code (3 = all-zero) and the 0/1 column 6: the categorical values."""
    code = np.where(X[:, 3:6].sum(axis=1) == 0, 3, X[:, 3:6].argmax(axis=1))
    return np.column_stack([X[:, :3], code, X[:, 6]])


def neighbour_sets(encoded, rows, k):
    nn = NearestNeighbors(n_neighbors=k + 1).fit(encoded)
    found = nn.kneighbors(encoded, return_distance=False)
    out = []
    for i, row in enumerate(found):
        assert row[0] == i, "a row is not its own nearest neighbour (duplicate rows)"
        out.append(sorted(int(rows[j]) for j in row[1:]))
    return out


def smote_nc_neighbours(X, y, minority, k):
    Xc = coded(X)
    rows = np.flatnonzero(y == minority)
    sm = SMOTENC(categorical_features=[3, 4], k_neighbors=k, random_state=0)
    sm.fit_resample(Xc, y)
    # imbalanced-learn 0.10 itself: nn_k_ stays fitted on the encoded minority rows.
    fitted = sm.nn_k_.kneighbors(sm.nn_k_._fit_X, return_distance=False)[:, 1:]
    v010 = [sorted(int(rows[j]) for j in row) for row in fitted]
    cont = Xc[rows, :3]
    ohe = sm.ohe_.transform(Xc[rows][:, 3:]).toarray()
    raw = np.hstack([cont, ohe * sm.median_std_ / np.sqrt(2)])
    std = cont.std(axis=0)
    scaled = np.hstack([cont / std, ohe * np.median(cont.std(axis=0) / std) / np.sqrt(2)])
    return {
        "k": k,
        "class": int(minority),
        "median_std_raw": float(sm.median_std_),
        "raw": neighbour_sets(raw, rows, k),
        "standardized": neighbour_sets(scaled, rows, k),
        "imblearn_0_10": v010,
    }


def smote_neighbours(X, y, minority, k):
    rows = np.flatnonzero(y == minority)
    sm = SMOTE(k_neighbors=k, random_state=0)
    sm.fit_resample(X, y)
    found = sm.nn_k_.kneighbors(X[rows], return_distance=False)
    assert all(found[i][0] == i for i in range(len(rows)))
    return {"k": k, "class": int(minority), "neighbours": [sorted(int(rows[j]) for j in row[1:]) for row in found]}


def main():
    # Maps asking for more rows than the majority warn; the counts are what is recorded.
    warnings.simplefilter("ignore", UserWarning)
    X = make_x(40, 11)
    sets = {
        "binary": labels([30, 10], 1),
        "three": labels([20, 12, 8], 2),
        "tied": labels([15, 15, 10], 3),
    }
    strategies = {
        "binary": {
            "over": ["auto", "minority", "not majority", "not minority", "all", 0.5, 0.8, 1.0, 0.2, {1: 25}, {0: 35, 1: 30}, {1: 5}],
            "under": ["auto", "majority", "not minority", "not majority", "all", 0.5, 1.0, 0.2, {0: 15}, {0: 20, 1: 5}, {1: 15}],
        },
        "three": {
            "over": ["auto", "minority", "not minority", "not majority", "all", {2: 15}, {1: 20, 2: 30}, 0.5],
            "under": ["auto", "majority", "not majority", "not minority", "all", {0: 10, 1: 9}, 0.5],
        },
        "tied": {
            "over": ["auto", "minority", "not minority", "not majority", "all"],
            "under": ["auto", "majority", "not majority", "not minority", "all"],
        },
    }
    cases = []
    for name, y in sets.items():
        n_classes = int(y.max()) + 1
        for direction, forms in strategies[name].items():
            for s in forms:
                case = run_strategy(X, y, direction, s, n_classes)
                case["labels"] = name
                cases.append(case)
    y = sets["binary"]
    fixture = {
        "imblearn": imblearn.__version__,
        "sklearn": sklearn.__version__,
        "X": X.tolist(),
        "labels": {name: y.tolist() for name, y in sets.items()},
        "strategies": cases,
        "smote": [smote_neighbours(X, y, 1, k) for k in (3, 5)],
        "smote_nc": [smote_nc_neighbours(X, y, 1, k) for k in (3, 5)],
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)}: {len(cases)} strategy cases")


if __name__ == "__main__":
    main()
