using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Aggregate risk of a bucket of positions (an underlying, a tenor, the portfolio), in the reporting
/// currency. Delta and gamma sum each position's sensitivity to its own future, i.e. the sensitivity
/// to a parallel absolute move of the bucket's futures prices. Standard errors are those of the sum
/// on the shared paths (within an underlying), combined in quadrature across underlyings (independent streams).
/// </summary>
/// <param name="Measures">Summed price and Greeks, reporting currency.</param>
/// <param name="DeltaTonnes">Summed delta of the positions in their own currencies: tonnes CO2e equivalent.</param>
/// <param name="VegaByExpiry">Vega (reporting currency per unit vol) bucketed by option expiry.</param>
/// <param name="Positions">Positions that priced and entered the bucket.</param>
public sealed record RiskTotals(RiskMeasures Measures, double DeltaTonnes, ImmutableSortedDictionary<DateOnly, double> VegaByExpiry,
    int Positions);
