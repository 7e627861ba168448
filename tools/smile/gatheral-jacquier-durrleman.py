#!/usr/bin/env python3
"""Durrleman's g(k) of the Gatheral & Jacquier (2014, Quantitative Finance 14(1), section 3.1) raw-SVI example with butterfly
arbitrage, in 50-digit arithmetic: the constants of tests/Smile/ArbitrageCheckTests.cs. Run: python3 tools/smile/gatheral-jacquier-durrleman.py"""
from mpmath import mp, mpf, sqrt, diff, findroot

mp.dps = 50
a, b, rho, m, sigma = mpf('-0.0410'), mpf('0.1331'), mpf('0.3060'), mpf('0.3586'), mpf('0.4153')
w = lambda k: a + b * (rho * (k - m) + sqrt((k - m) ** 2 + sigma ** 2))
def g(k):
    w0, w1, w2 = w(k), diff(w, k), diff(w, k, 2)
    return (1 - k * w1 / (2 * w0)) ** 2 - w1 ** 2 / 4 * (1 / w0 + mpf(1) / 4) + w2 / 2
k_min = findroot(lambda k: diff(g, k), mpf('0.88'))
print('argmin k =', mp.nstr(k_min, 12), ' min g =', mp.nstr(g(k_min), 12))
print('g < 0 on (', mp.nstr(findroot(g, mpf('0.64')), 12), ',', mp.nstr(findroot(g, mpf('1.26')), 12), ')')
