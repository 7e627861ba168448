using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Monte Carlo VaR: each underlying's futures prices (all deliveries alike) move by
/// exp(σ√h·z − σ²h/2) over the horizon h = <see cref="HorizonDays"/>/252 years, z correlated by
/// <see cref="Correlations"/> (Cholesky); vols and rates are held, option time advances by h.
/// </summary>
public sealed record VarSettings
{
    /// <summary>Horizon in trading days (1, 10, ...); h = days/252 years.</summary>
    public int HorizonDays { get; init; } = 1;

    /// <summary>Confidence levels, each in (0, 1).</summary>
    public ImmutableArray<double> Confidences { get; init; } = [0.95, 0.975, 0.99];

    /// <summary>Scenarios; at least 1,000.</summary>
    public int Scenarios { get; init; } = 50_000;

    /// <summary>Seed of the scenario stream.</summary>
    public ulong Seed { get; init; } = 20_260_101;

    /// <summary>Full revaluation or delta-gamma.</summary>
    public VarMethod Method { get; init; } = VarMethod.FullRevaluation;

    /// <summary>Annualised vol of each underlying's log price; absent ones use the vol surface at (horizon, front futures price).</summary>
    public ImmutableDictionary<string, double> Volatilities { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Return correlations between underlyings.</summary>
    public Correlations Correlations { get; init; } = Correlations.None;

    /// <summary>
    /// Curve dynamics: β per year of an underlying's term-structure correlation exp(−β|T₁ − T₂|)
    /// (<see cref="Products.TermStructureCorrelation"/>), T the years to each delivery. When any is given every delivery
    /// of the book is its own factor (an underlying not named keeps β = 0: its deliveries move together), correlated with
    /// other underlyings' deliveries by <see cref="Correlations"/>; empty moves each underlying's curve in parallel.
    /// </summary>
    public ImmutableDictionary<string, double> CurveDecay { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>
    /// Curve dynamics from history: daily log returns of deliveries, keyed by tenor ("EUA 2026-12-21",
    /// <see cref="TenorKey.ToString"/>), aligned day by day (one length for every series). Two deliveries of one underlying
    /// that both have a series are correlated as their returns were (Pearson), in place of <see cref="CurveDecay"/>; the
    /// scenarios then move the curve along its historical principal components. Any series makes every delivery its own factor.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<double>> CurveHistory { get; init; } = ImmutableDictionary<string, ImmutableArray<double>>.Empty;

    /// <summary>Fewest days of <see cref="CurveHistory"/> a correlation is estimated from.</summary>
    public const int MinCurveHistoryDays = 20;

    /// <summary>Whether every delivery is its own factor: a curve decay or a curve history is given.</summary>
    public bool ByTenor => !CurveDecay.IsEmpty || !CurveHistory.IsEmpty;

    /// <summary>Worker threads; null uses every core. Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidInputException">"horizonDays", "confidences[i]", "scenarios", "volatilities[CODE]",
    /// "method", "curveDecay[CODE]" or "maxDegreeOfParallelism".</exception>
    public void Validate()
    {
        Guard.InRange(HorizonDays, 1, 260, "horizonDays");
        CheckConfidences(Confidences, "confidences");
        Guard.InRange(Scenarios, 1_000, 10_000_000, "scenarios");
        if (!Enum.IsDefined(Method)) Guard.Fail("method", $"unknown method {(int)Method}");
        foreach (var (code, vol) in Volatilities) Guard.InRange(vol, 0, 10, $"volatilities[{code}]");
        if (MaxDegreeOfParallelism is { } threads) Guard.InRange(threads, 1, 1024, "maxDegreeOfParallelism");
        if (Correlations is null) Guard.Fail("correlations", "must be provided");
        if (CurveDecay is null) Guard.Fail("curveDecay", "must be provided");
        foreach (var (code, decay) in CurveDecay) Guard.InRange(decay, 0, 50, $"curveDecay[{code}]");
        if (CurveHistory is null) Guard.Fail("curveHistory", "must be provided");
        int? days = null;
        foreach (var (tenor, series) in CurveHistory.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (series.IsDefault || series.Length < MinCurveHistoryDays)
                Guard.Fail($"curveHistory[{tenor}]", $"give at least {MinCurveHistoryDays} daily returns, got {(series.IsDefault ? 0 : series.Length)}");
            if (days is { } n && series.Length != n)
                Guard.Fail($"curveHistory[{tenor}]", $"every series must cover the same days: {series.Length} returns where the others have {n}");
            days = series.Length;
            for (int i = 0; i < series.Length; i++) Guard.Finite(series[i], $"curveHistory[{tenor}][{i}]");
        }
    }

    internal static void CheckConfidences(IReadOnlyList<double> confidences, string field)
    {
        if (confidences.Count == 0) Guard.Fail(field, "must contain at least one confidence level");
        for (int i = 0; i < confidences.Count; i++)
            if (!(confidences[i] > 0 && confidences[i] < 1)) Guard.Fail($"{field}[{i}]", $"must lie strictly between 0 and 1, got {confidences[i]}");
    }
}
