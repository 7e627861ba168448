using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// One European option read off the Brownian driver of its expiry: parts with the same driver (jumps), grid and
/// bumps are one simulation, however many options — a single trade, or all of a book's options of that expiry and
/// jump law (<see cref="EuropeanOptionsPayoff"/>). Outputs: <see cref="EuropeanOutput"/>.
/// </summary>
internal sealed class EuropeanOptionsPart : SimulationPart
{
    private readonly Key _key;

    public EuropeanOptionsPart(DriverOption option, LogNormalJumps? jumps, double expiry, int steps, SensitivityBumps bumps)
    {
        Option = option;
        _key = new Key(jumps, expiry, steps, bumps);
    }

    /// <summary>The driver, grid and bumps shared by every option of the group.</summary>
    private sealed record Key(LogNormalJumps? Jumps, double Expiry, int Steps, SensitivityBumps Bumps);

    public DriverOption Option { get; }

    public override object? MergeKey => _key;

    public override int Outputs => EuropeanOutput.Count;

    public override SimulationGroup Build(IReadOnlyList<SimulationPart> parts)
    {
        var (jumps, expiry, steps, bumps) = _key;
        double earlier = Math.Max(expiry - bumps.ThetaYears, 0);
        var times = TimeGrid.Uniform(expiry, steps).Times.ToArray().Append(earlier).Where(t => t > 0).Distinct().Order().ToArray();
        int earlierStep = earlier > 0 ? Array.IndexOf(times, earlier) : -1;
        var payoff = new EuropeanOptionsPayoff([.. parts.Cast<EuropeanOptionsPart>().Select(p => p.Option)], expiry, earlierStep, earlier,
            bumps.RelativePriceBump, bumps.VolBump);
        return new SimulationGroup(new BrownianDriver(jumps), new TimeGrid(times), payoff);
    }
}
