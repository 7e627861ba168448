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

    private readonly record struct Revalued(BookPosition Position, IClosedFormPricer Pricer, int Leg1, int Leg2, int Tenor1, int Tenor2, double Base);

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
        var legs = pricers.SelectMany(p => p.Position.Legs).DistinctBy(l => l.TenorKey).OrderBy(l => l.TenorKey).ToArray();
        Tenors = [.. legs.Select(l => l.TenorKey)];
        TenorForwards = [.. legs.Select(l => l.Forward)];
        TenorUnderlying = [.. legs.Select(l => Underlyings.IndexOf(l.Underlying))];
        _positions = [.. pricers.Select(p => new Revalued(p.Position, p.Pricer, Underlyings.IndexOf(p.Position.Legs[0].Underlying),
            Underlyings.IndexOf(p.Position.Legs[^1].Underlying), Tenors.IndexOf(p.Position.Legs[0].TenorKey),
            Tenors.IndexOf(p.Position.Legs[^1].TenorKey), p.Pricer.Value(MarketShift.None)))];
    }

    /// <summary>The book's base value (lots and FX applied) by underlying, indexed like <see cref="Underlyings"/> by first leg.</summary>
    public double[] BaseValues()
    {
        var values = new double[Underlyings.Length];
        foreach (var p in _positions) values[p.Leg1] += p.Base * p.Position.Lots * p.Position.Fx;
        return values;
    }

    /// <summary>Delivery tenors of the priced positions (every leg's), ordered: the index space of tenor factor arrays.</summary>
    public ImmutableArray<TenorKey> Tenors { get; }

    /// <summary>Today's futures price of each tenor, aligned with <see cref="Tenors"/>.</summary>
    public ImmutableArray<double> TenorForwards { get; }

    /// <summary>Index in <see cref="Underlyings"/> of each tenor's underlying.</summary>
    public ImmutableArray<int> TenorUnderlying { get; }

    /// <summary>Positions left out, with why.</summary>
    public ImmutableArray<PositionError> Errors { get; }

    /// <summary>Underlyings of the priced positions (every leg's), ordinal order: the index space of the factor arrays.</summary>
    public ImmutableArray<string> Underlyings { get; }

    /// <summary>The priced positions and the underlying index of their first leg.</summary>
    public IEnumerable<(BookPosition Position, IClosedFormPricer Pricer, int Underlying)> Positions =>
        _positions.Select(p => (p.Position, p.Pricer, p.Leg1));

    /// <summary>
    /// The tenors' deltas in tonnes of the underlying: ∂(P&amp;L in the position's currency)/∂F_k, from central
    /// differences of full revaluation at relative bumps of ±<paramref name="bump"/>, each tenor alone.
    /// </summary>
    public double[] TenorDeltas(double bump = 1e-4)
    {
        var deltas = new double[Tenors.Length];
        var factors = new double[Tenors.Length];
        var zeros = new double[Underlyings.Length];
        for (int k = 0; k < Tenors.Length; k++)
        {
            Array.Fill(factors, 1.0);
            foreach (var p in _positions.Where(p => p.Tenor1 == k || p.Tenor2 == k))
            {
                factors[k] = 1 + bump;
                double up = Value(p, factors, zeros);
                factors[k] = 1 - bump;
                double down = Value(p, factors, zeros);
                factors[k] = 1;
                deltas[k] += (up - down) * p.Position.Lots / (2 * bump * TenorForwards[k]);
            }
        }
        return deltas;
    }

    private static double Value(Revalued p, ReadOnlySpan<double> tenorFactors, ReadOnlySpan<double> volShifts) =>
        p.Pricer.Value(new MarketShift(tenorFactors[p.Tenor1], volShifts[p.Leg1], 0, 0), new MarketShift(tenorFactors[p.Tenor2], volShifts[p.Leg2], 0, 0));

    /// <summary>
    /// P&amp;L in the reporting currency when underlying u's futures prices are multiplied by
    /// <paramref name="priceFactors"/>[u] and its vols shifted by <paramref name="volShifts"/>[u] (absolute),
    /// <paramref name="elapsed"/> years later. Adds each position's P&amp;L into <paramref name="byUnderlying"/>
    /// (at its first leg's underlying) when given.
    /// </summary>
    public double ProfitAndLoss(ReadOnlySpan<double> priceFactors, ReadOnlySpan<double> volShifts, double elapsed,
        Span<double> byUnderlying = default) => Sum(priceFactors, byTenor: false, volShifts, elapsed, byUnderlying);

    /// <summary>
    /// As <see cref="ProfitAndLoss"/> with a factor per delivery: tenor k's futures price (<see cref="Tenors"/>) is
    /// multiplied by <paramref name="tenorFactors"/>[k], so the deliveries of one underlying may move apart. Vol shifts
    /// remain by underlying.
    /// </summary>
    public double ProfitAndLossByTenor(ReadOnlySpan<double> tenorFactors, ReadOnlySpan<double> volShifts, double elapsed,
        Span<double> byUnderlying = default) => Sum(tenorFactors, byTenor: true, volShifts, elapsed, byUnderlying);

    private double Sum(ReadOnlySpan<double> factors, bool byTenor, ReadOnlySpan<double> volShifts, double elapsed, Span<double> byUnderlying)
    {
        double total = 0;
        foreach (var p in _positions)
        {
            var leg1 = new MarketShift(factors[byTenor ? p.Tenor1 : p.Leg1], volShifts[p.Leg1], elapsed, 0);
            var leg2 = new MarketShift(factors[byTenor ? p.Tenor2 : p.Leg2], volShifts[p.Leg2], elapsed, 0);
            double pnl = (p.Pricer.Value(leg1, leg2) - p.Base) * p.Position.Lots * p.Position.Fx;
            total += pnl;
            if (!byUnderlying.IsEmpty) byUnderlying[p.Leg1] += pnl;
        }
        return total;
    }
}
