namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// A piece of a Monte Carlo job as a valuation asks for it: a group of its own, or a share of a group that other
/// parts with the same <see cref="MergeKey"/> fill together (the European options of one expiry on one driver).
/// Merging never changes a number: each part's outputs depend only on its own terms and the shared paths, so a
/// single trade and the same trade inside a book give the same bits.
/// </summary>
public abstract class SimulationPart
{
    /// <summary>Parts with equal keys become one group; null keeps the part on its own.</summary>
    public abstract object? MergeKey { get; }

    /// <summary>Outputs this part contributes (its outputs are numbered from 0 within the part).</summary>
    public abstract int Outputs { get; }

    /// <summary>The group of <paramref name="parts"/> (all with this part's key, this one among them), outputs in part order.</summary>
    public abstract SimulationGroup Build(IReadOnlyList<SimulationPart> parts);
}

/// <summary>A whole group as a part of its own.</summary>
public sealed class GroupPart(SimulationGroup group) : SimulationPart
{
    public SimulationGroup Group { get; } = group;

    public override object? MergeKey => null;

    public override int Outputs => Group.Payoff.Outputs;

    public override SimulationGroup Build(IReadOnlyList<SimulationPart> parts) => Group;
}
