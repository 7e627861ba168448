using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>A European futures option quoted as a Black-76 implied volatility.</summary>
/// <param name="Expiry">Years to expiry; &gt; 0.</param>
/// <param name="Strike">Strike; &gt; 0.</param>
/// <param name="Forward">The futures price the quote is against; &gt; 0.</param>
/// <param name="Volatility">Implied volatility per annum; in (0, 5].</param>
public sealed record OptionQuote(double Expiry, double Strike, double Forward, double Volatility)
{
    /// <summary>Checks every field, named under <paramref name="field"/> ("quotes[3].strike").</summary>
    public void Validate(string field)
    {
        Guard.Within(field, () =>
        {
            Guard.Positive(Expiry, "expiry");
            Guard.Positive(Strike, "strike");
            Guard.Positive(Forward, "forward");
            Guard.InRange(Volatility, 0, 5, "volatility");
            if (Volatility == 0) Guard.Fail("volatility", "must be positive, got 0");
        });
    }
}
