using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// The futures price for delivery at <see cref="Delivery"/> years when the spot follows Schwartz's
/// one-factor mean-reverting model (<see cref="SchwartzOneFactorModel"/>): F(t,T) = E_t[S_T] is a
/// martingale with volatility σ·e^{−κ(T − t)} (Schwartz 1997, eq. 12), so shocks to a distant delivery
/// are damped — the Samuelson effect of thinly traded pollution rights and pilot allowances. Each step is
/// sampled exactly: ln F gains −½v + √v·z with v = σ²e^{−2κT}(e^{2κt₊} − e^{2κt})/2κ.
/// Source: E. S. Schwartz, "The stochastic behavior of commodity prices", J. Finance 52(3) (1997) 923–973.
/// </summary>
public sealed record SchwartzFuturesModel : IPathModel
{
    public SchwartzFuturesModel(double forward, double spotVolatility, double meanReversion, double delivery)
    {
        InitialPrice = Guard.Positive(forward, "forward");
        SpotVolatility = Guard.InRange(spotVolatility, 0, 10, "volatility");
        MeanReversion = Guard.InRange(meanReversion, 0, 100, "meanReversion");
        Delivery = Guard.NonNegative(delivery, "delivery");
    }

    /// <summary>F(0, T), currency per unit.</summary>
    public double InitialPrice { get; }

    /// <summary>σ, the spot's volatility per annum.</summary>
    public double SpotVolatility { get; }

    /// <summary>κ per year; 0 is Black-76 with volatility σ.</summary>
    public double MeanReversion { get; }

    /// <summary>T, years from today to the future's delivery.</summary>
    public double Delivery { get; }

    /// <summary>
    /// Var[ln F(t₂,T) − ln F(t₁,T)] = σ²e^{−2κT}(e^{2κt₂} − e^{2κt₁})/2κ, written as σ²∫e^{−2κ(T−u)}du for
    /// stability (σ²(t₂ − t₁) as κ → 0).
    /// </summary>
    public double Variance(double t1, double t2)
    {
        double k2 = 2 * MeanReversion;
        if (k2 * (t2 - t1) < 1e-10) return SpotVolatility * SpotVolatility * (t2 - t1) * Math.Exp(-k2 * (Delivery - 0.5 * (t1 + t2)));
        return SpotVolatility * SpotVolatility * (Math.Exp(-k2 * (Delivery - t2)) - Math.Exp(-k2 * (Delivery - t1))) / k2;
    }

    /// <summary>The Black-76 volatility of an option expiring at <paramref name="expiry"/> years on this future: √(Var(0, τ)/τ).</summary>
    public double BlackVolatility(double expiry) => expiry > 0 ? Math.Sqrt(Variance(0, expiry) / expiry) : SpotVolatility;

    public IPathStepper Prepare(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Horizon > Delivery + 1e-12) Guard.Fail("delivery", $"the future delivers at {Delivery} years, before the simulation ends at {grid.Horizon}");
        int n = grid.Count;
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        double previous = 0;
        for (int k = 0; k < n; k++)
        {
            double v = Variance(previous, grid.Times[k]);
            (a[k], b[k], c[k]) = (1, -0.5 * v, Math.Sqrt(v));
            previous = grid.Times[k];
        }
        var noJumps = Enumerable.Repeat(Array.Empty<double>(), n).ToArray();
        return new AffineLogStepper(Math.Log(InitialPrice), a, b, c, noJumps, 0, 0, Enumerable.Repeat(InitialPrice, n).ToArray());
    }
}
