using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Full revaluation of a portfolio under market moves, shared by ladders, stress tests and VaR: every
/// position that resolves is revalued with its closed form (<see cref="ResolvedPosition.Value"/>) after
/// each underlying's futures prices are multiplied by a factor (all deliveries alike), vols shifted and
/// time advanced; P&amp;L is in the reporting currency. Positions that do not resolve are listed in
/// <see cref="Errors"/> and left out.
/// </summary>
internal sealed class PortfolioRevaluation
{
    private readonly ResolvedPosition[] _positions;
    private readonly int[] _underlyingOf;
    private readonly double[] _baseValue;

    public PortfolioRevaluation(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings? settings)
    {
        var resolutions = PositionResolver.ResolveAll(portfolio, market, fx, settings ?? new RiskSettings());
        Errors = resolutions.Where(r => r.Error is not null).Select(r => r.Error!).ToImmutableArray();
        _positions = resolutions.Where(r => r.Resolved is not null).Select(r => r.Resolved!).ToArray();
        Underlyings = _positions.Select(p => p.Underlying).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        _underlyingOf = _positions.Select(p => Underlyings.IndexOf(p.Underlying)).ToArray();
        _baseValue = _positions.Select(p => p.Value(1.0)).ToArray();
    }

    /// <summary>Positions left out, with why.</summary>
    public ImmutableArray<PositionError> Errors { get; }

    /// <summary>Underlyings of the priced positions, ordinal order: the index space of the factor arrays.</summary>
    public ImmutableArray<string> Underlyings { get; }

    /// <summary>The priced positions.</summary>
    public IReadOnlyList<ResolvedPosition> Positions => _positions;

    /// <summary>Underlying index of each priced position.</summary>
    public ReadOnlySpan<int> UnderlyingOf => _underlyingOf;

    /// <summary>
    /// P&amp;L in the reporting currency when underlying u's futures prices are multiplied by
    /// <paramref name="priceFactors"/>[u] and its vols shifted by <paramref name="volShifts"/>[u] (absolute),
    /// <paramref name="elapsed"/> years later. Adds each underlying's P&amp;L into <paramref name="byUnderlying"/> when given.
    /// </summary>
    public double ProfitAndLoss(ReadOnlySpan<double> priceFactors, ReadOnlySpan<double> volShifts, double elapsed,
        Span<double> byUnderlying = default)
    {
        double total = 0;
        for (int i = 0; i < _positions.Length; i++)
        {
            int u = _underlyingOf[i];
            double pnl = (_positions[i].Value(priceFactors[u], volShifts[u], elapsed) - _baseValue[i]) * _positions[i].Fx;
            total += pnl;
            if (!byUnderlying.IsEmpty) byUnderlying[u] += pnl;
        }
        return total;
    }
}
