#!/usr/bin/env python3
"""Independent Heston prices for tests/Heston/HestonFourierTests.HardCases: Lewis' integral evaluated with mpmath
at 40 significant digits (tanh-sinh quadrature to infinity), on the inputs' exact double values, with the
little-trap characteristic function written out here, not the engine's code. Usage: python3 tools/heston-lewis-mpmath.py"""
from mpmath import mp, mpf, mpc, sqrt, exp, log, quad, pi, inf, re

mp.dps = 40

def cf(u, t, v0, kappa, theta, xi, rho):
    """E[exp(iu ln(F_T/F_0))], little-trap form (Albrecher et al. 2007)."""
    iu = mpc(0, 1) * u
    beta = kappa - rho * xi * iu
    d = sqrt(beta * beta + xi * xi * (iu + u * u))
    g = (beta - d) / (beta + d)
    e = exp(-d * t)
    c = kappa * theta / xi**2 * ((beta - d) * t - 2 * log((1 - g * e) / (1 - g)))
    D = (beta - d) / xi**2 * (1 - e) / (1 - g * e)
    return exp(c + D * v0)

def call(F, K, t, v0, kappa, theta, xi, rho):
    k = log(F / K)
    f = lambda u: re(exp(mpc(0, 1) * u * k) * cf(mpc(u, -0.5), t, v0, kappa, theta, xi, rho)) / (u * u + mpf(1) / 4)
    return F - sqrt(F * K) / pi * quad(f, [0, 1, 10, 100, 1000, inf])

CASES = [  # type, F, K, T, v0, kappa, theta, xi, rho, DF
    ("Put", 80, 76, 2 / 365, 0.04, 4, 0.2, 0.3, -0.1, 1),
    ("Call", 80, 120, 1, 0.04, 4, 0.2, 0.3, -0.1, 1),
    ("Call", 100, 100, 30, 0.09, 0.5, 0.09, 1.0, -0.9, 0.4),
    ("Put", 50, 20, 0.25, 0.5, 1.5, 0.3, 2.0, -0.7, 0.99),
    ("Put", 40, 38, 3, 0.01, 10, 0.05, 0.2, 0, 0.9),  # QLNet's adaptive P1/P2 integrals give 4.1918 here
    ("Put", 40, 38, 0.5, 0.01, 10, 0.05, 0.2, -0.3, 0.98),  # and 1.3717765 here
]

for typ, F, K, T, v0, kappa, theta, xi, rho, df in CASES:
    F, K, T, v0, kappa, theta, xi, rho, df = map(mpf, (F, K, T, v0, kappa, theta, xi, rho, df))
    c = call(F, K, T, v0, kappa, theta, xi, rho)
    value = df * (c if typ == "Call" else c - (F - K))
    print(f"{typ} F={float(F)} K={float(K)} T={float(T)!r} v0={float(v0)} kappa={float(kappa)} theta={float(theta)} xi={float(xi)} "
          f"rho={float(rho)} df={float(df)}: {mp.nstr(value, 17)}")
