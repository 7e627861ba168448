#!/usr/bin/env python3
"""Reference values of tests/Risk/Margin/BacktestStatisticsTests.cs: Kupiec's POF and Christoffersen's independence
likelihood ratios and their chi-squared(1) p-values, computed at 40 digits with mpmath (p = erfc(sqrt(LR/2)))."""
from mpmath import mp, mpf, log, erfc, sqrt

mp.dps = 40

def xlogy(x, y):
    return mpf(0) if x == 0 else x * log(y)

def kupiec(n, x, p):
    n, x, p = mpf(n), mpf(x), mpf(p)
    lr = -2 * (xlogy(n - x, 1 - p) + xlogy(x, p) - xlogy(n - x, 1 - x / n) - xlogy(x, x / n))
    return lr, erfc(sqrt(lr / 2))

def christoffersen(hits):
    c = {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 0}
    for a, b in zip(hits, hits[1:]):
        c[(a, b)] += 1
    n00, n01, n10, n11 = (mpf(c[k]) for k in [(0, 0), (0, 1), (1, 0), (1, 1)])
    pi0, pi1, pi = n01 / (n00 + n01), n11 / (n10 + n11), (n01 + n11) / (n00 + n01 + n10 + n11)
    lr = -2 * (xlogy(n00 + n10, 1 - pi) + xlogy(n01 + n11, pi)
               - xlogy(n00, 1 - pi0) - xlogy(n01, pi0) - xlogy(n10, 1 - pi1) - xlogy(n11, pi1))
    return lr, erfc(sqrt(lr / 2))

print("kupiec(250, 5, 0.01)", *kupiec(250, 5, 0.01))
print("kupiec(1000, 0, 0.003)", *kupiec(1000, 0, 0.003))
# 40 observations, breaches at 5, 6, 7 (a cluster) and 30.
hits = [1 if i in (5, 6, 7, 30) else 0 for i in range(40)]
print("christoffersen(cluster)", *christoffersen(hits))
