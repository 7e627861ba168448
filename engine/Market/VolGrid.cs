using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// Black volatility on an expiry × strike grid. At each expiry pillar the smile is linear in strike
/// and flat beyond the strike range; across expiries the strike-interpolated vols are joined linearly
/// in total variance σ²t, with flat volatility before the first and after the last expiry.
/// </summary>
public sealed record VolGrid : IVolSurface
{
    private readonly ImmutableArray<double> _vols; // row-major: expiry index × strike count + strike index

    /// <summary>Creates the grid.</summary>
    /// <param name="expiries">Expiry pillars in years, &gt; 0 and strictly increasing.</param>
    /// <param name="strikes">Strike pillars, &gt; 0 and strictly increasing.</param>
    /// <param name="volatilities">Volatility per annum, [expiry index, strike index]; &gt;= 0 and finite.</param>
    /// <exception cref="InvalidInputException">"expiries[i]", "strikes[j]", "volatilities" (shape) or
    /// "volatilities[i,j]".</exception>
    public VolGrid(IEnumerable<double> expiries, IEnumerable<double> strikes, double[,] volatilities)
    {
        ArgumentNullException.ThrowIfNull(expiries);
        ArgumentNullException.ThrowIfNull(strikes);
        ArgumentNullException.ThrowIfNull(volatilities);
        var times = expiries.ToImmutableArray();
        var strikeAxis = strikes.ToImmutableArray();
        VolInputs.CheckAxis(times, "expiries", 0.0);
        VolInputs.CheckAxis(strikeAxis, "strikes", 0.0);
        if (volatilities.GetLength(0) != times.Length || volatilities.GetLength(1) != strikeAxis.Length)
            Guard.Fail("volatilities", $"must be {times.Length} x {strikeAxis.Length} (expiries x strikes), got {volatilities.GetLength(0)} x {volatilities.GetLength(1)}");

        var vols = ImmutableArray.CreateBuilder<double>(times.Length * strikeAxis.Length);
        for (int i = 0; i < times.Length; i++)
            for (int j = 0; j < strikeAxis.Length; j++)
                vols.Add(Guard.NonNegative(volatilities[i, j], $"volatilities[{i},{j}]"));
        Expiries = times;
        Strikes = strikeAxis;
        _vols = vols.MoveToImmutable();
    }

    /// <summary>Expiry pillars in years.</summary>
    public ImmutableArray<double> Expiries { get; }

    /// <summary>Strike pillars.</summary>
    public ImmutableArray<double> Strikes { get; }

    /// <summary>Pillar volatility at expiry index <paramref name="expiryIndex"/> and strike index <paramref name="strikeIndex"/>.</summary>
    public double this[int expiryIndex, int strikeIndex] => _vols[expiryIndex * Strikes.Length + strikeIndex];

    /// <inheritdoc/>
    public double Volatility(double expiry, double strike)
    {
        VolInputs.Check(expiry, strike);
        Span<double> smileAtPillars = Expiries.Length <= 64 ? stackalloc double[Expiries.Length] : new double[Expiries.Length];
        var strikes = Strikes.AsSpan();
        for (int i = 0; i < Expiries.Length; i++)
            smileAtPillars[i] = Interpolation.LinearFlat(strikes, _vols.AsSpan(i * strikes.Length, strikes.Length), strike);
        return VolInputs.InTotalVariance(Expiries.AsSpan(), smileAtPillars, expiry);
    }
}
