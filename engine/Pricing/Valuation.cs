namespace CarbonDerivatives.Engine.Pricing;

/// <summary>One sensitivity, its standard error (0 for closed forms) and how it was computed.</summary>
public sealed record GreekFigure(double Value, double StandardError, string Method)
{
    public GreekFigure Scale(double factor) => this with { Value = Value * factor, StandardError = StandardError * Math.Abs(factor) };
}

/// <summary>
/// Sensitivities of a position's value in its currency, for the whole quantity: delta and gamma to the
/// futures price, vega per 1.00 of volatility, theta per year of calendar time, rho per 1.00 of the
/// continuously compounded rate with the futures price held fixed.
/// </summary>
public sealed record ValuationGreeks(GreekFigure Delta, GreekFigure Gamma, GreekFigure Vega, GreekFigure Theta, GreekFigure Rho)
{
    public ValuationGreeks Scale(double factor) =>
        new(Delta.Scale(factor), Gamma.Scale(factor), Vega.Scale(factor), Theta.Scale(factor), Rho.Scale(factor));
}

/// <summary>The result of a <see cref="ValuationRequest"/>.</summary>
/// <param name="Value">Present value of the whole quantity, in <paramref name="Currency"/>.</param>
/// <param name="StandardError">Standard error of the value (0 for a closed form).</param>
/// <param name="Currency">ISO currency of every figure.</param>
/// <param name="Method">e.g. "analytic-black76", "monte-carlo-merton".</param>
/// <param name="Paths">Paths simulated (0 for a closed form).</param>
/// <param name="Greeks">Sensitivities when asked for.</param>
/// <param name="WithoutLimits">Under a daily price limit: the value without it, on the same paths.</param>
/// <param name="SpreadGreeks">For a spread option, in place of <paramref name="Greeks"/>: per-leg deltas, gammas,
/// cross-gamma, vegas and the correlation sensitivity.</param>
public sealed record Valuation(double Value, double StandardError, string Currency, string Method, long Paths, ValuationGreeks? Greeks,
    ValueWithStandardError? WithoutLimits = null, Analytics.SpreadGreeks? SpreadGreeks = null)
{
    /// <summary>Every figure for <paramref name="quantity"/> lots instead of one.</summary>
    public Valuation Scale(double quantity) => this with
    {
        Value = Value * quantity,
        StandardError = StandardError * Math.Abs(quantity),
        Greeks = Greeks?.Scale(quantity),
        WithoutLimits = WithoutLimits?.Scale(quantity),
        SpreadGreeks = SpreadGreeks?.Scale(quantity),
    };
}

/// <summary>A value and its standard error.</summary>
public sealed record ValueWithStandardError(double Value, double StandardError)
{
    public ValueWithStandardError Scale(double factor) => new(Value * factor, StandardError * Math.Abs(factor));
}
