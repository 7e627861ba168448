using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>P&amp;L of the portfolio under one stress scenario, reporting currency, full revaluation.</summary>
/// <param name="Scenario">The scenario applied.</param>
/// <param name="ProfitAndLoss">Portfolio P&amp;L (negative is a loss).</param>
/// <param name="ByUnderlying">P&amp;L per underlying.</param>
public sealed record StressResult(StressScenario Scenario, double ProfitAndLoss, ImmutableSortedDictionary<string, double> ByUnderlying);

/// <summary>Stress results for a list of scenarios, and the positions that could not be revalued.</summary>
/// <param name="Results">One per scenario, in input order.</param>
/// <param name="Errors">Positions left out, with why.</param>
public sealed record StressReport(ImmutableArray<StressResult> Results, ImmutableArray<PositionError> Errors);
