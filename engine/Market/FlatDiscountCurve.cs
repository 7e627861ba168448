using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>A single continuously compounded rate for every maturity: DF(t) = exp(−rate·t).</summary>
public sealed record FlatDiscountCurve : IDiscountCurve
{
    /// <summary>Creates the curve.</summary>
    /// <param name="rate">Continuously compounded rate per annum (0.03 = 3%); finite, may be negative.</param>
    public FlatDiscountCurve(double rate) => Rate = Guard.Finite(rate, "rate");

    /// <summary>Continuously compounded rate per annum.</summary>
    public double Rate { get; }

    /// <inheritdoc/>
    public double DiscountFactor(double time) => Math.Exp(-Rate * Guard.NonNegative(time, "time"));

    /// <inheritdoc/>
    public double ZeroRate(double time)
    {
        Guard.NonNegative(time, "time");
        return Rate;
    }
}
