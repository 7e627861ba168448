using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// A ladder of full revaluations: P&amp;L in the reporting currency for each (price shock, vol shock).
/// Row i is <see cref="PriceShocks"/>[i], column j <see cref="VolShocks"/>[j].
/// </summary>
/// <param name="PriceShocks">Relative futures-price shocks applied to every underlying (−0.5 = −50%).</param>
/// <param name="VolShocks">Absolute vol shifts applied to every option (0.05 = +5 vol points).</param>
/// <param name="ProfitAndLoss">Portfolio P&amp;L, [price][vol].</param>
/// <param name="ByUnderlying">P&amp;L per underlying, [price][vol].</param>
/// <param name="Errors">Positions left out, with why.</param>
public sealed record ScenarioLadderResult(ImmutableArray<double> PriceShocks, ImmutableArray<double> VolShocks,
    ImmutableArray<ImmutableArray<double>> ProfitAndLoss,
    ImmutableSortedDictionary<string, ImmutableArray<ImmutableArray<double>>> ByUnderlying, ImmutableArray<PositionError> Errors);
