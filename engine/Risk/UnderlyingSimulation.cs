namespace CarbonDerivatives.Engine.Risk;

/// <summary>The simulated positions of one underlying in the book's one Monte Carlo job.</summary>
/// <param name="Underlying">Allowance code (a spread counts under its first leg).</param>
/// <param name="Paths">Paths per group (antithetic mirrors included).</param>
/// <param name="Positions">Simulated positions on the underlying.</param>
/// <param name="Groups">Simulation groups their valuations asked for (before European options of one expiry merge into one).</param>
/// <param name="Elapsed">Wall time of the book's whole simulation.</param>
/// <param name="Backend">Where the book's paths were computed (<see cref="Simulation.SimulationResult.Backend"/>).</param>
public sealed record UnderlyingSimulation(string Underlying, long Paths, int Positions, int Groups, TimeSpan Elapsed, string Backend);
