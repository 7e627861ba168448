"""Coefficients of the engine's vectorised normal CDF (engine/Simulation/Simd/NormalCdf.cs) and its test table.

erfc(z) = t * exp(-z^2 + P(t)) with t = 2 / (2 + z), z >= 0 (the form of Numerical Recipes' erfccheb): P is smooth on
t in (0, 1], so a Chebyshev fit of degree 27 in s = 2t - 1 has error 6e-18. Printed as monomial coefficients in s,
highest power first (all below 0.7 in magnitude, so Horner's rule in double loses nothing), then Phi(x) at the
test points to 17 significant digits. Run: python3 scripts/normal_cdf_coefficients.py (mpmath 1.3).
"""
import mpmath as mp

mp.mp.dps = 50
DEGREE = 27


def p_of_s(s):
    t = (s + 1) / 2
    if t == 0:
        return mp.log(1 / (2 * mp.sqrt(mp.pi)))
    z = 2 / t - 2
    return mp.log(mp.erfc(z) / t) + z * z


coefficients, error = mp.chebyfit(p_of_s, [-1, 1], DEGREE + 1, error=True)
print(f"// degree {DEGREE}, fit error {mp.nstr(error, 3)}")
print(", ".join(repr(float(c)) for c in coefficients))
points = [-37, -30, -20, -12, -8, -6, -5, -4, -3, -2.5, -2, -1.5, -1, -0.75, -0.5, -0.25, -0.1, -1e-3, 0,
          1e-3, 0.1, 0.5, 1, 2, 3, 5, 8, 9]
for x in points:
    print(f"[InlineData({x!r}, {mp.nstr(mp.ncdf(mp.mpf(x)), 17, min_fixed=-1, max_fixed=-1)})]")
