using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>The parameters of a SPAN-style margin: scan parameters by underlying and the inter-commodity spread table.</summary>
public sealed record SpanSettings
{
    /// <summary>Scan parameters by underlying code; every underlying the portfolio holds needs one.</summary>
    public ImmutableDictionary<string, ScanParameters> Underlyings { get; init; } = ImmutableDictionary<string, ScanParameters>.Empty;

    /// <summary>Inter-commodity spread credits, in priority order.</summary>
    public ImmutableArray<InterCommoditySpread> InterCommoditySpreads { get; init; } = [];

    /// <summary>Checks every parameter and row.</summary>
    /// <exception cref="InvalidInputException">"underlyings[CODE].*", "interCommoditySpreads[i].*".</exception>
    public void Validate()
    {
        if (Underlyings is null) Guard.Fail("underlyings", "must be provided");
        foreach (var (code, parameters) in Underlyings)
        {
            if (parameters is null) Guard.Fail($"underlyings[{code}]", "must not be null");
            parameters.Validate($"underlyings[{code}]");
        }
        for (int i = 0; i < InterCommoditySpreads.Length; i++)
        {
            if (InterCommoditySpreads[i] is null) Guard.Fail($"interCommoditySpreads[{i}]", "must not be null");
            InterCommoditySpreads[i].Validate($"interCommoditySpreads[{i}]", Underlyings);
        }
    }
}
