using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Pricing.ClosedForms;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Full revaluation of a portfolio under market moves, shared by ladders, stress tests and VaR: every position is
/// revalued by the closed form (or tree) of its product under its underlying's model — the pricer
/// <see cref="Pricers.ClosedForm"/> gives a single trade — after each underlying's futures prices are multiplied by a
/// factor (all deliveries alike), vols shifted and time advanced; P&amp;L is in the reporting currency. Positions
/// that do not resolve, or whose product has no closed form under its model (a price-limited option, an Asian under
/// Merton ...), are listed in <see cref="Errors"/> and left out.
/// </summary>
internal sealed class PortfolioRevaluation
{
    private readonly Revalued[] _positions;

    private readonly record struct Revalued(BookPosition Position, IClosedFormPricer Pricer, int Leg1, int Leg2, double Base);

    public PortfolioRevaluation(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings? settings)
    {
        var resolutions = PositionResolver.ResolveAll(portfolio, market, fx, settings ?? new RiskSettings(), SimulationLimits.Default);
        var pricers = new List<(BookPosition Position, IClosedFormPricer Pricer)>();
        var errors = ImmutableArray.CreateBuilder<PositionError>();
        foreach (var r in resolutions)
        {
            var checkedResolution = r.Resolved is { } p
                ? PositionResolver.Guarded(r.Source, () =>
                {
                    pricers.Add((p, Pricers.ClosedForm(p.Instrument, p.TradePrice, market, p.Inputs)));
                    return r;
                })
                : r;
            if (checkedResolution.Error is { } error) errors.Add(error);
        }
        Errors = errors.ToImmutable();
        Underlyings = [.. pricers.SelectMany(p => p.Position.Legs).Select(l => l.Underlying).Distinct().Order(StringComparer.Ordinal)];
        _positions = [.. pricers.Select(p => new Revalued(p.Position, p.Pricer, Underlyings.IndexOf(p.Position.Legs[0].Underlying),
            Underlyings.IndexOf(p.Position.Legs[^1].Underlying), p.Pricer.Value(MarketShift.None)))];
    }

    /// <summary>Positions left out, with why.</summary>
    public ImmutableArray<PositionError> Errors { get; }

    /// <summary>Underlyings of the priced positions (every leg's), ordinal order: the index space of the factor arrays.</summary>
    public ImmutableArray<string> Underlyings { get; }

    /// <summary>The priced positions and the underlying index of their first leg.</summary>
    public IEnumerable<(BookPosition Position, IClosedFormPricer Pricer, int Underlying)> Positions =>
        _positions.Select(p => (p.Position, p.Pricer, p.Leg1));

    /// <summary>
    /// P&amp;L in the reporting currency when underlying u's futures prices are multiplied by
    /// <paramref name="priceFactors"/>[u] and its vols shifted by <paramref name="volShifts"/>[u] (absolute),
    /// <paramref name="elapsed"/> years later. Adds each position's P&amp;L into <paramref name="byUnderlying"/>
    /// (at its first leg's underlying) when given.
    /// </summary>
    public double ProfitAndLoss(ReadOnlySpan<double> priceFactors, ReadOnlySpan<double> volShifts, double elapsed,
        Span<double> byUnderlying = default)
    {
        double total = 0;
        foreach (var p in _positions)
        {
            var leg1 = new MarketShift(priceFactors[p.Leg1], volShifts[p.Leg1], elapsed, 0);
            var leg2 = new MarketShift(priceFactors[p.Leg2], volShifts[p.Leg2], elapsed, 0);
            double pnl = (p.Pricer.Value(leg1, leg2) - p.Base) * p.Position.Lots * p.Position.Fx;
            total += pnl;
            if (!byUnderlying.IsEmpty) byUnderlying[p.Leg1] += pnl;
        }
        return total;
    }
}
