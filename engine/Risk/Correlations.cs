using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Correlations of daily log returns between underlyings, e.g. (EUA, UKA, 0.7). Pairs not given are 0;
/// each underlying has correlation 1 with itself.
/// </summary>
public sealed record Correlations
{
    private readonly ImmutableDictionary<(string, string), double> _pairs;

    /// <summary>Creates the correlations.</summary>
    /// <exception cref="InvalidInputException">"correlations[A,B]" when outside [−1, 1], a pair with itself, or given twice.</exception>
    public Correlations(IEnumerable<(string A, string B, double Rho)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var builder = ImmutableDictionary.CreateBuilder<(string, string), double>();
        foreach (var (a, b, rho) in pairs)
        {
            string field = $"correlations[{a},{b}]";
            Guard.InRange(rho, -1, 1, field);
            if (string.Equals(a, b, StringComparison.Ordinal)) Guard.Fail(field, "an underlying's correlation with itself is 1 by definition");
            if (!builder.TryAdd(Key(a, b), rho)) Guard.Fail(field, "is given more than once");
        }
        _pairs = builder.ToImmutable();
    }

    /// <summary>No correlation between different underlyings.</summary>
    public static Correlations None { get; } = new([]);

    /// <summary>Correlation of <paramref name="a"/> with <paramref name="b"/>.</summary>
    public double Between(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) ? 1.0 : _pairs.GetValueOrDefault(Key(a, b));

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
