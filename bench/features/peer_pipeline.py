"""The peer of leadstack's feature pipeline in pandas + scikit-learn, on the same built-in data.

Same work as the leadstack pipeline where the peer has a counterpart: placeholders to missing,
case folding, numeric fill + missing indicators, one-hot with rare levels grouped
(OneHotEncoder min_frequency / max_categories, unknown → infrequent), out-of-fold smoothed target
encoding and frequency encoding for high-cardinality columns (pandas groupby; scikit-learn 1.2 has
no TargetEncoder), censoring events at the label time and a 30-day window, and per-lead event
aggregates (counts per type and channel, distinct pages, time on site). No path slots, taxonomy or
TF-IDF: the peer has no equivalent, so its feature set is a subset.

Usage: peer_pipeline.py <data dir> ; prints one JSON line of timings.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import OneHotEncoder

PLACEHOLDERS = ["", "Select", "N/A", "NA", "null", "-", "unknown"]
FOLD = ["first_touch_channel", "lead_origin", "country", "industry", "region", "company", "job_title", "timeframe", "budget", "use_case"]
ONE_HOT = ["region", "industry", "timeframe", "budget", "use_case", "lead_origin", "first_touch_channel"]
HIGH_CARD = ["company", "job_title", "country"]
NUMERIC = ["employees", "annual_revenue", "company_age_years", "email_opens", "email_clicks"]


def main():
    data = sys.argv[1]
    t0 = time.perf_counter()
    leads = pd.read_csv(f"{data}/leads.csv", keep_default_na=False, dtype=str)
    events = pd.read_csv(f"{data}/events.csv", keep_default_na=False, dtype=str)
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    placeholders = {p.lower() for p in PLACEHOLDERS}
    for c in leads.columns:
        s = leads[c].str.strip()
        leads[c] = s.where(~s.str.lower().isin(placeholders), None)
    for c in FOLD:
        leads[c] = leads[c].str.lower()
    y = (leads["sales_accepted"] == "1").astype(int).to_numpy()
    blocks = []
    for c in NUMERIC:
        v = pd.to_numeric(leads[c], errors="coerce")
        blocks.append(v.fillna(-1).to_numpy()[:, None])
        blocks.append(v.isna().astype(float).to_numpy()[:, None])
    min_count = max(10, int(np.ceil(0.001 * len(leads))))
    ct = ColumnTransformer([("oh", OneHotEncoder(min_frequency=min_count, max_categories=31, handle_unknown="infrequent_if_exist", sparse_output=False), ONE_HOT)])
    blocks.append(ct.fit_transform(leads[ONE_HOT].fillna("__missing__")))
    folds = np.zeros(len(leads), dtype=int)
    for k, (_, test) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(leads, y)):
        folds[test] = k
    prior = y.mean()
    for c in HIGH_CARD:
        col = leads[c].fillna("\0missing")
        counts = col.map(col.value_counts())
        blocks.append((counts / len(col)).to_numpy()[:, None])
        oof = np.empty(len(col))
        for k in range(5):
            train = folds != k
            stats = pd.DataFrame({"v": col[train], "y": y[train]}).groupby("v")["y"].agg(["sum", "count"])
            enc = (stats["sum"] + 10 * y[train].mean()) / (stats["count"] + 10)
            oof[~train] = col[~train].map(enc).fillna(y[train].mean()).to_numpy()
        blocks.append(oof[:, None])
    created = pd.to_datetime(leads["created_at"], utc=True)
    accepted = pd.to_datetime(leads["accepted_at"], utc=True)
    window = created + pd.Timedelta(days=30)
    cutoff = window.where(accepted.isna() | (window <= accepted), accepted)
    ev = events.merge(pd.DataFrame({"lead_id": leads["lead_id"], "cutoff": cutoff}), on="lead_id", how="inner")
    ev["t"] = pd.to_datetime(ev["timestamp"], utc=True)
    ev = ev[ev["t"] < ev["cutoff"]]
    ev["channel"] = ev["channel"].str.strip().str.lower()
    ev["page"] = ev["url"].str.lower().str.replace(r"[?#].*$", "", regex=True)
    ev["seconds"] = pd.to_numeric(ev["time_on_page_s"], errors="coerce").fillna(0)
    by_type = pd.crosstab(ev["lead_id"], ev["event_type"])
    by_channel = pd.crosstab(ev["lead_id"], ev["channel"])
    agg = ev.groupby("lead_id").agg(count=("t", "size"), pages=("page", "nunique"), seconds=("seconds", "sum"))
    per_lead = pd.concat([agg, by_type, by_channel], axis=1).reindex(leads["lead_id"]).fillna(0)
    blocks.append(np.log1p(per_lead.to_numpy()))
    X = np.hstack(blocks)
    fit = time.perf_counter() - t0

    # One lead through the fitted one-hot encoder and the stored encodings (the per-request path).
    one = leads.iloc[[123]]
    times = []
    for _ in range(200):
        t0 = time.perf_counter()
        ct.transform(one[ONE_HOT].fillna("__missing__"))
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({
        "load_s": load,
        "fit_transform_s": fit,
        "transform_one_ms_median": float(np.median(times)),
        "features": int(X.shape[1]),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
