using System.Collections.Immutable;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>What the spec lab computes and how. Every default is stated; the seed is explicit.</summary>
public sealed record SpecLabSettings
{
    /// <summary>Contracts of the listing calendar resolved (next N).</summary>
    public int Contracts { get; init; } = 6;

    /// <summary>Option specs: contracts whose strikes are priced (the first N of the calendar).</summary>
    public int PricedOptionContracts { get; init; } = 2;

    /// <summary>Strike interval when the spec states no strike listing rule (currency per unit).</summary>
    public double DefaultStrikeSpacing { get; init; } = 1.0;

    /// <summary>Strikes each side of at-the-money when the spec states no strike listing rule.</summary>
    public int DefaultStrikesEachSide { get; init; } = 5;

    /// <summary>Option specs: strikes each side of at-the-money, overriding the spec's strike listing; null keeps the
    /// spec's (or <see cref="DefaultStrikesEachSide"/> when it states none).</summary>
    public int? StrikesEachSide { get; init; }

    /// <summary>Relative futures-price shocks of the scenario ladder.</summary>
    public ImmutableArray<double> PriceShocks { get; init; } = ScenarioLadder.StandardPriceShocks;

    /// <summary>Absolute vol shifts of the scenario ladder.</summary>
    public ImmutableArray<double> VolShocks { get; init; } = [-0.10, 0, 0.10];

    /// <summary>Stress scenarios; null uses <see cref="StressCatalogue.Historical"/> (EUA moves replayed on the
    /// spec's underlying when the catalogue has none for it).</summary>
    public ImmutableArray<StressScenario>? Stresses { get; init; }

    /// <summary>
    /// Dynamics of the margin simulation and of the ladder/stress revaluation: Black-76 (lognormal, the default), Merton,
    /// Heston, regime switching, Schwartz or the compliance model, as in pricing.
    /// </summary>
    public ValuationModel Model { get; init; } = new Black76Dynamics();

    /// <summary>Paths of the margin simulation (rounded up to whole blocks of 1,024).</summary>
    public long Paths { get; init; } = 200_000;

    /// <summary>Trading days of the margin horizon.</summary>
    public int HorizonDays { get; init; } = 1;

    /// <summary>Daily log returns of the underlying (oldest first) for a historical margin back-test; none skips it.</summary>
    public ImmutableArray<double> HistoricalLogReturns { get; init; } = [];

    /// <summary>Most margin alternatives one lab run compares.</summary>
    public const int MaxMarginAlternatives = 8;

    /// <summary>
    /// Futures and spot specs: other margin and limit settings to compare with the spec's own, side by side on the same
    /// paths and history (<see cref="SpecLabResult.MarginComparison"/>); none skips the comparison.
    /// </summary>
    public ImmutableArray<MarginTerms> MarginAlternatives { get; init; } = [];

    /// <summary>
    /// Scan parameters of the hedged books' portfolio margin (<see cref="SpecLabResult.HedgedMargins"/>); null takes the
    /// lab's defaults (a price scan of the spec's initial margin, else of the 99.7% move over the horizon; ±5 vol points).
    /// </summary>
    public Risk.Margin.ScanParameters? MarginScan { get; init; }

    /// <summary>Confidences of the margin needed.</summary>
    public ImmutableArray<double> Confidences { get; init; } = [0.99, 0.997];

    /// <summary>Bins of the P&amp;L histogram.</summary>
    public int HistogramBins { get; init; } = 50;

    /// <summary>Points of the value/Greeks curves against the underlying price (F₀·(1 + x), x from −50% to +50%).</summary>
    public int CurvePoints { get; init; } = 41;

    /// <summary>Seed of the margin simulation.</summary>
    public ulong Seed { get; init; } = 20_260_101;

    /// <summary>Worker threads; null uses every core. Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidInputException">"settings.*" naming the field.</exception>
    public void Validate()
    {
        Guard.InRange(Contracts, 1, 100, "settings.contracts");
        Guard.InRange(PricedOptionContracts, 1, 20, "settings.pricedOptionContracts");
        Guard.Positive(DefaultStrikeSpacing, "settings.defaultStrikeSpacing");
        Guard.InRange(DefaultStrikesEachSide, 1, 50, "settings.defaultStrikesEachSide");
        if (StrikesEachSide is { } each) Guard.InRange(each, 1, 50, "settings.strikesEachSide");
        if (Paths < 1_024 || Paths > 10_000_000) Guard.Fail("settings.paths", $"must lie in [1,024, 10,000,000], got {Paths}");
        Guard.InRange(HorizonDays, 1, 20, "settings.horizonDays");
        if (Confidences.IsDefaultOrEmpty) Guard.Fail("settings.confidences", "must contain at least one confidence");
        for (int i = 0; i < Confidences.Length; i++) Guard.InRange(Confidences[i], 0.5, 0.99999, $"settings.confidences[{i}]");
        Guard.InRange(HistogramBins, 5, 1000, "settings.histogramBins");
        Guard.InRange(CurvePoints, 3, 1001, "settings.curvePoints");
        if (Model is LocalVolatilityDynamics) Guard.Fail("settings.model", "local volatility is taken from a smile surface in the market, not set");
        if (MarginAlternatives.Length > MaxMarginAlternatives)
            Guard.Fail("settings.marginAlternatives", $"compare at most {MaxMarginAlternatives} alternatives at once, got {MarginAlternatives.Length}");
        for (int i = 0; i < MarginAlternatives.Length; i++)
        {
            if (MarginAlternatives[i] is null) Guard.Fail($"settings.marginAlternatives[{i}]", "is required");
            MarginAlternatives[i].Validate($"settings.marginAlternatives[{i}]");
        }
        MarginScan?.Validate("settings.marginScan");
        if (MaxDegreeOfParallelism is { } threads) Guard.InRange(threads, 1, 1024, "settings.maxDegreeOfParallelism");
    }
}
