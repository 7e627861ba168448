using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Greeks of any valuation by central differences of full revaluations under <see cref="MarketShift"/>s:
/// delta and gamma to the futures price, vega per 1.00 of volatility, theta per year as the valuation
/// date advances, rho per 1.00 of the rate with the futures price held fixed. The stencils are defined once:
/// closed forms evaluate them with small bumps; Monte Carlo pricers turn each into a measure over bumped copies of
/// the simulation on common random numbers, so every difference comes with the standard error of the difference.
/// </summary>
public static class RevaluationGreeks
{
    /// <summary>Bump sizes: relative forward (delta and gamma), volatility, years, rate.</summary>
    public readonly record struct Bumps(double Delta, double Gamma, double Vol, double Time, double Rate)
    {
        public static Bumps ClosedForm => new(1e-4, 1e-3, 1e-4, 1e-4, 1e-5);

        public static Bumps MonteCarlo => new(0.01, 0.01, 0.01, 1.0 / 365, 1e-4);

        /// <summary>For a binomial tree, whose price is only piecewise smooth in F: wide price bumps.</summary>
        public static Bumps Tree => new(0.01, 0.02, 0.01, 1.0 / 365, 1e-4);

        /// <summary>Forward bumps capped at <paramref name="room"/> (a bumped forward must stay on its side of a barrier).</summary>
        public Bumps WithinRoom(double room) => this with { Delta = Math.Min(Delta, room), Gamma = Math.Min(Gamma, room) };
    }

    /// <summary>One Greek as Σ weight·V(shift).</summary>
    public sealed record Stencil(IReadOnlyList<(MarketShift Shift, double Weight)> Points);

    /// <summary>The five stencils: delta, gamma, vega, theta, rho.</summary>
    /// <param name="forward">Futures price today (delta and gamma are per unit of it).</param>
    /// <param name="volatility">Volatility today (a down bump never goes below zero).</param>
    /// <param name="maxTimeShift">Largest time step that leaves every event in the future (e.g. half the time to the first fixing); 0: theta is 0.</param>
    /// <param name="bumps">Bump sizes.</param>
    public static (Stencil Delta, Stencil Gamma, Stencil Vega, Stencil Theta, Stencil Rho) Stencils(double forward, double volatility,
        double maxTimeShift, Bumps bumps)
    {
        var none = MarketShift.None;
        double hf = bumps.Delta * forward, hg = bumps.Gamma * forward;
        double hv = bumps.Vol, hvDown = Math.Min(hv, volatility);
        double ht = Math.Min(bumps.Time, maxTimeShift);
        return (
            new([(none with { ForwardFactor = 1 + bumps.Delta }, 1 / (2 * hf)), (none with { ForwardFactor = 1 - bumps.Delta }, -1 / (2 * hf))]),
            new([(none with { ForwardFactor = 1 + bumps.Gamma }, 1 / (hg * hg)), (none, -2 / (hg * hg)), (none with { ForwardFactor = 1 - bumps.Gamma }, 1 / (hg * hg))]),
            new([(none with { VolShift = hv }, 1 / (hv + hvDown)), (none with { VolShift = -hvDown }, -1 / (hv + hvDown))]),
            ht > 0 ? new([(none with { TimeShift = ht }, 1 / (2 * ht)), (none with { TimeShift = -ht }, -1 / (2 * ht))]) : new([]),
            new([(none with { RateShift = bumps.Rate }, 1 / (2 * bumps.Rate)), (none with { RateShift = -bumps.Rate }, -1 / (2 * bumps.Rate))]));
    }

    /// <summary>The Greeks of a deterministic value function (a closed form or a tree), each with <paramref name="method"/>.</summary>
    public static ValuationGreeks Compute(Func<MarketShift, double> value, double forward, double volatility, double maxTimeShift, Bumps bumps,
        GreekMethod method)
    {
        var (delta, gamma, vega, theta, rho) = Stencils(forward, volatility, maxTimeShift, bumps);
        GreekEstimate Evaluate(Stencil s) => new(s.Points.Sum(p => p.Weight * value(p.Shift)), 0, method);
        return new ValuationGreeks(Evaluate(delta), Evaluate(gamma), Evaluate(vega), Evaluate(theta), Evaluate(rho));
    }
}
