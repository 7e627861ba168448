using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>
/// A volatility surface of smile slices (SABR or SVI per expiry). At a time t between two slices the total variance at
/// log-moneyness k = ln(K/F(t)) is linear in t between the slices' w(k) (F(t) linear between their forwards), so a
/// calendar-arbitrage-free set of slices gives a calendar-free surface; before the first and after the last slice the
/// volatility at k is that slice's. Strikes are absolute: the vol of a strike does not move with a bumped forward
/// (sticky strike).
/// </summary>
public sealed record SmileSurface : IVolSurface
{
    /// <param name="slices">Slices, expiries strictly increasing.</param>
    /// <exception cref="InvalidInputException">"slices" (empty) or "slices[i].expiry" (not increasing).</exception>
    public SmileSurface(IEnumerable<SmileSlice> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var all = slices.ToImmutableArray();
        if (all.Length == 0) Guard.Fail("slices", "must not be empty");
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i] is null) Guard.Fail($"slices[{i}]", "must not be null");
            if (i > 0 && all[i].Expiry <= all[i - 1].Expiry)
                Guard.Fail($"slices[{i}].expiry", $"must be strictly increasing, got {all[i].Expiry} after {all[i - 1].Expiry}");
        }
        Slices = all;
    }

    /// <summary>The slices, by expiry.</summary>
    public ImmutableArray<SmileSlice> Slices { get; }

    /// <inheritdoc/>
    public double Volatility(double expiry, double strike)
    {
        VolInputs.Check(expiry, strike);
        if (expiry == 0) expiry = 1e-8; // the smile's short end: the first slice's vol at this strike
        return Math.Sqrt(Math.Max(TotalVariance(expiry, strike), 0) / expiry);
    }

    /// <summary>Total variance w(t, K) = σ²(t, K)·t.</summary>
    public double TotalVariance(double expiry, double strike)
    {
        var (lower, upper, weight) = Bracket(expiry);
        double k = Math.Log(strike / ForwardAt(lower, upper, weight));
        if (lower == upper) return Slices[lower].TotalVariance(k) * expiry / Slices[lower].Expiry;
        return (1 - weight) * Slices[lower].TotalVariance(k) + weight * Slices[upper].TotalVariance(k);
    }

    /// <summary>
    /// Dupire's local variance σ²_loc(t, K) of a driftless (futures) price in total-variance form (Gatheral 2006, eq. 1.10):
    /// (∂w/∂t) / g(k), with g Durrleman's function of the interpolated smile and k = ln(K/F(t)). Floored at
    /// <paramref name="floor"/>, as the formula has no meaning where the surface has arbitrage (g &lt;= 0 or ∂w/∂t &lt; 0).
    /// </summary>
    public double LocalVariance(double expiry, double strike, double floor = 1e-6)
    {
        var (lower, upper, weight) = Bracket(expiry);
        double k = Math.Log(strike / ForwardAt(lower, upper, weight));
        double w, w1, w2, dwdt;
        if (lower == upper)
        {
            var s = Slices[lower];
            double scale = expiry / s.Expiry;
            w = s.TotalVariance(k) * scale;
            w1 = s.Slope(k) * scale;
            w2 = s.Curvature(k) * scale;
            dwdt = s.TotalVariance(k) / s.Expiry;
        }
        else
        {
            SmileSlice a = Slices[lower], b = Slices[upper];
            double wa = a.TotalVariance(k), wb = b.TotalVariance(k);
            w = (1 - weight) * wa + weight * wb;
            w1 = (1 - weight) * a.Slope(k) + weight * b.Slope(k);
            w2 = (1 - weight) * a.Curvature(k) + weight * b.Curvature(k);
            dwdt = (wb - wa) / (b.Expiry - a.Expiry);
        }
        double g = SmileSlice.Durrleman(k, w, w1, w2);
        if (!(g > 0) || !(dwdt > 0)) return floor;
        return Math.Max(dwdt / g, floor);
    }

    /// <summary>The slices around <paramref name="expiry"/> and the weight of the upper one (lower == upper outside the slices).</summary>
    private (int Lower, int Upper, double Weight) Bracket(double expiry)
    {
        if (expiry <= Slices[0].Expiry) return (0, 0, 0);
        if (expiry >= Slices[^1].Expiry) return (Slices.Length - 1, Slices.Length - 1, 0);
        int i = 0;
        while (Slices[i + 1].Expiry < expiry) i++;
        return (i, i + 1, (expiry - Slices[i].Expiry) / (Slices[i + 1].Expiry - Slices[i].Expiry));
    }

    private double ForwardAt(int lower, int upper, double weight) =>
        (1 - weight) * Slices[lower].Forward + weight * Slices[upper].Forward;
}
