using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Vega by expiry × strike bucket: the change of value per unit of vol when the surface of one underlying is bumped by the
/// bucket's weight, a hat function in expiry times a hat function in strike (linear between neighbouring pillars, flat
/// beyond the first and last). The weights sum to one at every (expiry, strike), so the buckets add up to the parallel
/// vega. Each value by central differences of the products' closed forms (Europeans at their strike's vol).
/// </summary>
public static class VegaBuckets
{
    /// <summary>Vega of each bucket, [expiry pillar, strike pillar], and the parallel vega by the same bump.</summary>
    /// <param name="positions">Instruments and signed quantities (lots).</param>
    /// <param name="market">The market.</param>
    /// <param name="underlying">Underlying whose surface is bucketed.</param>
    /// <param name="expiries">Expiry pillars in years, strictly increasing.</param>
    /// <param name="strikes">Strike pillars, strictly increasing.</param>
    /// <param name="inputs">Model and settings of the closed forms (Black-76 by default).</param>
    /// <param name="bump">Vol bump of the central differences.</param>
    /// <exception cref="InvalidInputException">"expiries[i]", "strikes[j]", "bump", or a position's product or market field.</exception>
    public static (double[,] Buckets, double Parallel) Compute(IReadOnlyList<(IInstrument Instrument, double Quantity)> positions,
        MarketSnapshot market, string underlying, IReadOnlyList<double> expiries, IReadOnlyList<double> strikes, PricingInputs? inputs = null,
        double bump = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(positions);
        inputs ??= new PricingInputs();
        return Buckets([.. positions.Select(p => (p.Instrument, p.Quantity, inputs))], market, underlying, expiries, strikes, bump);
    }

    /// <summary>
    /// Bucketed vega of the positions of <paramref name="portfolio"/> on <paramref name="underlying"/>, in the reporting currency
    /// (lots × side × FX), each by the closed form of its dynamics in <paramref name="settings"/>; positions on other underlyings
    /// are left out.
    /// </summary>
    /// <exception cref="InvalidInputException">"positions[ID].FIELD" for a position that cannot be valued in closed form;
    /// "underlying" when no position is on it; "expiries[i]", "strikes[j]", "bump".</exception>
    public static (double[,] Buckets, double Parallel) Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx, string underlying,
        IReadOnlyList<double> expiries, IReadOnlyList<double> strikes, RiskSettings? settings = null, double bump = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        settings ??= new RiskSettings();
        settings.Validate();
        var on = new List<(IInstrument, double, PricingInputs)>();
        foreach (var resolution in PositionResolver.ResolveAll(portfolio, market, fx, settings, Simulation.SimulationLimits.Default))
        {
            if (resolution.Error is { } error) throw new InvalidInputException(error.Field, error.Message);
            var p = resolution.Resolved!;
            var position = resolution.Source;
            if (!p.Legs.Any(leg => leg.Underlying == underlying)) continue;
            var inputs = p.Inputs with { Greeks = false };
            var priced = PositionResolver.Guarded(position, () =>
            {
                Pricers.ClosedForm(p.Instrument, p.TradePrice, market, inputs); // a product without a closed form is named here
                return resolution;
            });
            if (priced.Error is { } failed) throw new InvalidInputException(failed.Field, failed.Message);
            on.Add((p.Instrument, p.Lots * p.Fx, inputs));
        }
        if (on.Count == 0) Guard.Fail("underlying", $"no position of the book is on {underlying}");
        return Buckets(on, market, underlying, expiries, strikes, bump);
    }

    private static (double[,] Buckets, double Parallel) Buckets(IReadOnlyList<(IInstrument Instrument, double Quantity, PricingInputs Inputs)> positions,
        MarketSnapshot market, string underlying, IReadOnlyList<double> expiries, IReadOnlyList<double> strikes, double bump)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(expiries);
        ArgumentNullException.ThrowIfNull(strikes);
        VolInputs.CheckAxis(expiries, "expiries", 0);
        VolInputs.CheckAxis(strikes, "strikes", 0);
        Guard.Positive(bump, "bump");
        double Vega(Func<double, double, double> weight)
        {
            double Value(double size)
            {
                var bumped = ShiftedVolSurface.In(market, underlying, (t, k) => size * weight(t, k));
                return positions.Sum(p => p.Quantity * Pricers.ClosedForm(p.Instrument, 0, bumped, p.Inputs).Value(MarketShift.None));
            }
            return (Value(bump) - Value(-bump)) / (2 * bump);
        }
        var buckets = new double[expiries.Count, strikes.Count];
        for (int i = 0; i < expiries.Count; i++)
            for (int j = 0; j < strikes.Count; j++)
            {
                int e = i, s = j;
                buckets[i, j] = Vega((t, k) => Hat(expiries, e, t) * Hat(strikes, s, k));
            }
        return (buckets, Vega((_, _) => 1));
    }

    /// <summary>Weight of pillar <paramref name="i"/> at <paramref name="x"/>: 1 at the pillar, linear to 0 at its neighbours, flat beyond the ends.</summary>
    public static double Hat(IReadOnlyList<double> pillars, int i, double x)
    {
        if (x <= pillars[0]) return i == 0 ? 1 : 0;
        if (x >= pillars[^1]) return i == pillars.Count - 1 ? 1 : 0;
        if (i > 0 && x >= pillars[i - 1] && x <= pillars[i]) return (x - pillars[i - 1]) / (pillars[i] - pillars[i - 1]);
        if (i < pillars.Count - 1 && x >= pillars[i] && x < pillars[i + 1]) return (pillars[i + 1] - x) / (pillars[i + 1] - pillars[i]);
        return 0;
    }
}
