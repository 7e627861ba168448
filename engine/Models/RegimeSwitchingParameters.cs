using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// A K-state Markov-switching model of log returns (Hamilton 1989; for CO₂ prices Benz &amp; Trück 2009): in regime k a
/// period's log return is N(μ_k·Δ, σ_k²·Δ), Δ = 1/<see cref="PeriodsPerYear"/>, and the regime moves between periods by
/// the transition matrix P (P[i][j] = probability of regime j next period given regime i now). Under the pricing
/// measure a futures price keeps the regimes' volatilities and chain and loses the drifts: dF/F = σ_{s(t)} dW.
/// </summary>
public sealed record RegimeSwitchingParameters
{
    /// <summary>Most regimes accepted.</summary>
    public const int MaxRegimes = 5;

    /// <param name="volatilities">σ_k per year, each &gt; 0.</param>
    /// <param name="drifts">μ_k per year (physical log drift; not used for pricing), or null for zeros.</param>
    /// <param name="transition">P, K × K, each entry in [0, 1], each row summing to 1 (within 1e-9).</param>
    /// <param name="periodsPerYear">Periods per year of the chain (252: trading days).</param>
    /// <param name="initialProbabilities">Probabilities of today's regime (e.g. the filter's), or null for the chain's stationary distribution.</param>
    /// <exception cref="InvalidInputException">"volatilities[k]", "drifts", "transition[i][j]", "transition[i]" (a row not summing to 1),
    /// "periodsPerYear", "initialProbabilities".</exception>
    public RegimeSwitchingParameters(IReadOnlyList<double> volatilities, IReadOnlyList<double>? drifts, IReadOnlyList<IReadOnlyList<double>> transition,
        double periodsPerYear = 252, IReadOnlyList<double>? initialProbabilities = null)
    {
        ArgumentNullException.ThrowIfNull(volatilities);
        ArgumentNullException.ThrowIfNull(transition);
        int k = volatilities.Count;
        if (k < 1 || k > MaxRegimes) Guard.Fail("volatilities", $"must name 1 to {MaxRegimes} regimes, got {k}");
        Volatilities = [.. volatilities.Select((v, i) => Guard.InRange(v, 0, 10, $"volatilities[{i}]"))];
        for (int i = 0; i < k; i++)
            if (Volatilities[i] == 0) Guard.Fail($"volatilities[{i}]", "must be positive, got 0");
        if (drifts is not null && drifts.Count != k) Guard.Fail("drifts", $"must have one entry per regime ({k}), got {drifts.Count}");
        Drifts = drifts is null ? new double[k] : [.. drifts.Select((d, i) => Guard.Finite(d, $"drifts[{i}]"))];
        if (transition.Count != k) Guard.Fail("transition", $"must have {k} rows, got {transition.Count}");
        Transition = new double[k][];
        for (int i = 0; i < k; i++)
        {
            if (transition[i] is null || transition[i].Count != k) Guard.Fail($"transition[{i}]", $"must have {k} entries");
            Transition[i] = [.. transition[i].Select((p, j) => Guard.InRange(p, 0, 1, $"transition[{i}][{j}]"))];
            CheckSumsToOne(Transition[i], $"transition[{i}]");
        }
        PeriodsPerYear = Guard.InRange(periodsPerYear, 1, 100_000, "periodsPerYear");
        if (initialProbabilities is null) InitialProbabilities = StationaryDistribution(Transition);
        else
        {
            if (initialProbabilities.Count != k) Guard.Fail("initialProbabilities", $"must have one entry per regime ({k}), got {initialProbabilities.Count}");
            InitialProbabilities = [.. initialProbabilities.Select((p, i) => Guard.InRange(p, 0, 1, $"initialProbabilities[{i}]"))];
            CheckSumsToOne(InitialProbabilities, "initialProbabilities");
        }
    }

    /// <summary>K.</summary>
    public int Regimes => Volatilities.Length;

    /// <summary>σ_k per year.</summary>
    public double[] Volatilities { get; }

    /// <summary>μ_k per year (physical).</summary>
    public double[] Drifts { get; }

    /// <summary>P per period.</summary>
    public double[][] Transition { get; }

    /// <summary>Periods per year of the chain.</summary>
    public double PeriodsPerYear { get; }

    /// <summary>Probabilities of today's regime.</summary>
    public double[] InitialProbabilities { get; }

    /// <summary>The same chain started from <paramref name="probabilities"/>.</summary>
    public RegimeSwitchingParameters StartingFrom(IReadOnlyList<double> probabilities) =>
        new(Volatilities, Drifts, Transition, PeriodsPerYear, probabilities);

    /// <summary>
    /// The transition matrix over a fraction <paramref name="periods"/> ≤ 1 of a period, I + (P − I)·periods: exact at one
    /// period, the chain's first-order generator in between (a valid stochastic matrix for any fraction in [0, 1]).
    /// </summary>
    public double[][] TransitionOver(double periods)
    {
        int k = Regimes;
        var q = new double[k][];
        for (int i = 0; i < k; i++)
        {
            q[i] = new double[k];
            for (int j = 0; j < k; j++) q[i][j] = (i == j ? 1 : 0) + (Transition[i][j] - (i == j ? 1 : 0)) * periods;
        }
        return q;
    }

    /// <summary>π with πP = π (power iteration from uniform; a reducible chain gives the limit from there).</summary>
    public static double[] StationaryDistribution(double[][] transition)
    {
        int k = transition.Length;
        var pi = Enumerable.Repeat(1.0 / k, k).ToArray();
        for (int iteration = 0; iteration < 100_000; iteration++)
        {
            var next = new double[k];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) next[j] += pi[i] * transition[i][j];
            double change = next.Zip(pi, (a, b) => Math.Abs(a - b)).Sum();
            pi = next;
            if (change < 1e-15) break;
        }
        double total = pi.Sum();
        return [.. pi.Select(p => p / total)];
    }

    private static void CheckSumsToOne(IReadOnlyList<double> row, string field)
    {
        double sum = row.Sum();
        if (Math.Abs(sum - 1) > 1e-9) Guard.Fail(field, $"must sum to 1, got {sum:R}");
    }
}
