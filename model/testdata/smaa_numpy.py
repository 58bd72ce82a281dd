#!/usr/bin/env python3
"""SMAA-2 with uniform weights, vectorised with numpy: the yardstick for ccselect's Go kernel.

The best a Python user would write: batches of samples, uniform simplex weights by sorted
uniforms, one matrix product for the totals, ranks from argsort, counts by bincount. It computes
what ccselect's RunSMAA computes at criteria level without score uncertainty: rank
acceptabilities, central weight vectors and pairwise winning indices (--ranks-only skips the
last two, to show numpy's floor).

    python3 model/testdata/smaa_numpy.py --vendors 20 --criteria 15 --samples 1000000

Scores are reproducible pseudo-random half-point ratings 1..5; the timing does not depend on
them. Prints the samples per second of the sampling (after set-up) and the rank-1
acceptabilities, so a run can be checked against ccselect on the same scores.
"""
import argparse
import time

import numpy as np


def smaa(E, samples, seed, batch, ranks_only):
    m, n = E.shape
    rng = np.random.default_rng(seed)
    rank_count = np.zeros(m * m, dtype=np.int64)
    central = np.zeros((m, n))
    win = np.zeros((m, m), dtype=np.int64)
    vendor = np.arange(m)
    done = 0
    while done < samples:
        b = min(batch, samples - done)
        u = rng.random((b, n - 1))
        u.sort(axis=1)
        w = np.diff(u, axis=1, prepend=0.0, append=1.0)  # b × n, uniform on the simplex
        tot = w @ E.T  # b × m
        order = np.argsort(-tot, axis=1)  # vendors best first
        rank = np.empty_like(order)
        np.put_along_axis(rank, order, vendor[None, :], axis=1)  # rank[s, i] = place of i
        rank_count += np.bincount((vendor[None, :] * m + rank).ravel(), minlength=m * m)
        if not ranks_only:
            first = order[:, 0]
            for j in range(n):
                central[:, j] += np.bincount(first, weights=w[:, j], minlength=m)
            win += (rank[:, :, None] < rank[:, None, :]).sum(axis=0)
        done += b
    acc = rank_count.reshape(m, m) / samples
    with np.errstate(invalid="ignore"):
        central /= rank_count.reshape(m, m)[:, :1]
    return acc, central, win / samples


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vendors", type=int, default=20)
    ap.add_argument("--criteria", type=int, default=15)
    ap.add_argument("--samples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=10_000)
    ap.add_argument("--ranks-only", action="store_true")
    a = ap.parse_args()
    E = 1 + np.random.default_rng(7).integers(0, 9, size=(a.vendors, a.criteria)) / 2
    t0 = time.perf_counter()
    acc, _, _ = smaa(E, a.samples, a.seed, a.batch, a.ranks_only)
    dt = time.perf_counter() - t0
    print(f"{a.vendors}x{a.criteria} samples={a.samples} {dt:.3f}s {a.samples / dt:.0f} samples/s")
    print("b^1:", " ".join(f"{x:.4f}" for x in acc[:, 0]))


if __name__ == "__main__":
    main()
