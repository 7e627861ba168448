namespace CarbonDerivatives.Engine.Risk;

/// <summary>One shared Monte Carlo pass: every simulated position on the underlying was valued on these paths.</summary>
/// <param name="Underlying">Allowance code.</param>
/// <param name="Paths">Paths simulated (antithetic mirrors included).</param>
/// <param name="Positions">Option positions valued on the paths.</param>
/// <param name="ObservationTimes">Distinct times (years) the paths were observed at: each expiry and expiry − δ.</param>
/// <param name="Elapsed">Wall time of the pass, valuation of all its positions included.</param>
public sealed record UnderlyingSimulation(string Underlying, long Paths, int Positions, int ObservationTimes, TimeSpan Elapsed);
