using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// A European futures option quoted as a Black-76 implied volatility. Bounds a smile fit can use: at least a week to
/// expiry (shorter quotes carry event risk no diffusion fits), strikes within 1% to 100 times the forward, vols from
/// 0.1% to 500%.
/// </summary>
/// <param name="Expiry">Years to expiry; in [1/52, 50].</param>
/// <param name="Strike">Strike; &gt; 0, within [0.01, 100] × the forward.</param>
/// <param name="Forward">The futures price the quote is against; &gt; 0.</param>
/// <param name="Volatility">Implied volatility per annum; in [0.001, 5].</param>
public sealed record OptionQuote(double Expiry, double Strike, double Forward, double Volatility)
{
    /// <summary>Checks every field, named under <paramref name="field"/> ("quotes[3].strike").</summary>
    public void Validate(string field)
    {
        Guard.Within(field, () =>
        {
            Guard.InRange(Expiry, 1.0 / 52, 50, "expiry");
            Guard.Positive(Forward, "forward");
            Guard.Positive(Strike, "strike");
            if (Strike < 0.01 * Forward || Strike > 100 * Forward) Guard.Fail("strike", $"must lie within 0.01 to 100 times the forward {Forward}, got {Strike}");
            Guard.InRange(Volatility, 0.001, 5, "volatility");
        });
    }
}
