using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Risk of a portfolio: per position (own currency), per underlying, per delivery tenor and in total
/// (reporting currency), and the simulations that produced it (one per simulated underlying).
/// </summary>
/// <param name="ReportingCurrency">Currency of every aggregate.</param>
/// <param name="Positions">One entry per input position, in input order; failures included as values.</param>
/// <param name="ByUnderlying">Totals by allowance code.</param>
/// <param name="ByTenor">Totals by (underlying, delivery).</param>
/// <param name="Total">Portfolio total.</param>
/// <param name="Simulations">The shared Monte Carlo passes, one per simulated underlying.</param>
/// <param name="Elapsed">Wall time of the whole computation.</param>
public sealed record PortfolioRisk(string ReportingCurrency, ImmutableArray<PositionRisk> Positions,
    ImmutableSortedDictionary<string, RiskTotals> ByUnderlying, ImmutableSortedDictionary<TenorKey, RiskTotals> ByTenor,
    RiskTotals Total, ImmutableArray<UnderlyingSimulation> Simulations, TimeSpan Elapsed)
{
    /// <summary>
    /// FX delta: the change of the total value, in the reporting currency, per 1.00 rise of each foreign
    /// currency's rate (reporting-currency units per unit of it) — the value of the positions held in that
    /// currency, in that currency. The total is linear in each rate, so this is exact.
    /// </summary>
    public ImmutableSortedDictionary<string, double> FxDelta => Positions
        .Where(p => p.Measures is not null && p.Currency != ReportingCurrency)
        .GroupBy(p => p.Currency, StringComparer.Ordinal)
        .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(p => p.Measures!.Price.Value), StringComparer.Ordinal);

    /// <summary>The positions that failed, with their errors.</summary>
    public IEnumerable<PositionError> Errors => Positions.Where(p => p.Error is not null).Select(p => p.Error!);
}
