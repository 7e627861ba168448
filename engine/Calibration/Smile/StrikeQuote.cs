using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>One option quote at a strike: a Black implied volatility, or a premium per unit of the underlying (present value)
/// of the given option type. Exactly one of the two is set.</summary>
/// <param name="Strike">Strike, price units; &gt; 0.</param>
/// <param name="Volatility">Black volatility per annum, when quoted in vol.</param>
/// <param name="Premium">Present value per unit, when quoted in premium.</param>
/// <param name="Type">Option type of a premium quote (a vol quote's type does not matter).</param>
public sealed record StrikeQuote(double Strike, double? Volatility = null, double? Premium = null, OptionType Type = OptionType.Call)
{
    /// <summary>A quote in vol.</summary>
    public static StrikeQuote Vol(double strike, double volatility) => new(strike, Volatility: volatility);

    /// <summary>A quote in premium.</summary>
    public static StrikeQuote Price(double strike, double premium, OptionType type) => new(strike, Premium: premium, Type: type);
}
