using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// At-the-money Black volatility by expiry, the same for every strike: linear in total variance σ²t
/// between pillars, flat volatility before the first and after the last pillar. No calendar-arbitrage
/// check is made (total variance may decrease between pillars).
/// </summary>
public sealed record VolTermStructure : IVolSurface
{
    /// <summary>Creates the term structure.</summary>
    /// <param name="expiries">Pillar expiries in years, &gt; 0 and strictly increasing.</param>
    /// <param name="volatilities">Volatility per annum at each pillar, &gt;= 0 and finite.</param>
    /// <exception cref="InvalidInputException">"expiries[i]", "volatilities[i]" or "volatilities" (length).</exception>
    public VolTermStructure(IEnumerable<double> expiries, IEnumerable<double> volatilities)
    {
        ArgumentNullException.ThrowIfNull(expiries);
        ArgumentNullException.ThrowIfNull(volatilities);
        var times = expiries.ToImmutableArray();
        var vols = volatilities.ToImmutableArray();
        VolInputs.CheckAxis(times, "expiries", 0.0);
        if (vols.Length != times.Length)
            Guard.Fail("volatilities", $"must have one value per expiry ({times.Length}), got {vols.Length}");
        for (int i = 0; i < vols.Length; i++) Guard.NonNegative(vols[i], $"volatilities[{i}]");
        Expiries = times;
        Volatilities = vols;
    }

    /// <summary>Pillar expiries in years.</summary>
    public ImmutableArray<double> Expiries { get; }

    /// <summary>Volatility per annum at each pillar.</summary>
    public ImmutableArray<double> Volatilities { get; }

    /// <inheritdoc/>
    public double Volatility(double expiry, double strike)
    {
        VolInputs.Check(expiry, strike);
        return VolInputs.InTotalVariance(Expiries.AsSpan(), Volatilities.AsSpan(), expiry);
    }
}
