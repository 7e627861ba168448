namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Greeks of any valuation by central differences of full revaluations under <see cref="MarketShift"/>s:
/// delta and gamma to the futures price, vega per 1.00 of volatility, theta per year as the valuation
/// date advances, rho per 1.00 of the rate with the futures price held fixed.
/// <para>
/// Closed forms take small bumps (their errors are ~1e-15). Monte Carlo revaluations reuse the seed
/// (common random numbers) with larger bumps (1% of F, 1 vol point, 1 day, 1 bp); their standard errors
/// are combined as if independent, which overstates them: CRN errors are positively correlated.
/// </para>
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
    }

    /// <param name="value">The valuation (value, SE) under a shift.</param>
    /// <param name="forward">Futures price today (delta and gamma are per unit of it).</param>
    /// <param name="volatility">Volatility today (a down bump never goes below zero).</param>
    /// <param name="maxTimeShift">Largest time step that leaves every event in the future (e.g. half the time to the first fixing).</param>
    /// <param name="bumps">Bump sizes.</param>
    /// <param name="method">Reported method of every Greek, e.g. "finite-difference" or "crn-bump".</param>
    public static ValuationGreeks Compute(Func<MarketShift, (double Value, double StandardError)> value, double forward, double volatility,
        double maxTimeShift, Bumps bumps, string method)
    {
        var none = MarketShift.None;
        var v = value(none);
        double hf = bumps.Delta * forward, hg = bumps.Gamma * forward;
        double hv = bumps.Vol, hvDown = Math.Min(hv, volatility);
        double ht = Math.Min(bumps.Time, maxTimeShift);

        // Σ wᵢ Vᵢ / width, its SE from the revaluations' SEs taken as independent.
        GreekFigure Combine(double width, params ((double Value, double StandardError) V, double Weight)[] terms) =>
            new(terms.Sum(t => t.Weight * t.V.Value) / width,
                Math.Sqrt(terms.Sum(t => t.Weight * t.Weight * t.V.StandardError * t.V.StandardError)) / Math.Abs(width), method);

        var delta = Combine(2 * hf, (value(none with { ForwardFactor = 1 + bumps.Delta }), 1), (value(none with { ForwardFactor = 1 - bumps.Delta }), -1));
        var gamma = Combine(hg * hg, (value(none with { ForwardFactor = 1 + bumps.Gamma }), 1), (v, -2), (value(none with { ForwardFactor = 1 - bumps.Gamma }), 1));
        var vega = Combine(hv + hvDown, (value(none with { VolShift = hv }), 1), (value(none with { VolShift = -hvDown }), -1));
        var theta = ht > 0
            ? Combine(2 * ht, (value(none with { TimeShift = ht }), 1), (value(none with { TimeShift = -ht }), -1))
            : new GreekFigure(0, 0, method);
        var rho = Combine(2 * bumps.Rate, (value(none with { RateShift = bumps.Rate }), 1), (value(none with { RateShift = -bumps.Rate }), -1));
        return new ValuationGreeks(delta, gamma, vega, theta, rho);
    }
}
