using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Sensitivities of a position's value in its currency, for the whole quantity: delta and gamma to the
/// futures price, vega per 1.00 of volatility, theta per year of calendar time, rho per 1.00 of the
/// continuously compounded rate with the futures price held fixed. Each with its standard error and method.
/// For a spread option they are the parallel figures (both futures, both vols moved together); its per-leg
/// figures are in <see cref="Valuation.SpreadGreeks"/>.
/// </summary>
public sealed record ValuationGreeks(GreekEstimate Delta, GreekEstimate Gamma, GreekEstimate Vega, GreekEstimate Theta, GreekEstimate Rho)
{
    public ValuationGreeks Scale(double factor) =>
        new(Delta.Scale(factor), Gamma.Scale(factor), Vega.Scale(factor), Theta.Scale(factor), Rho.Scale(factor));

    /// <summary>Closed-form figures, method <see cref="GreekMethod.Analytic"/>.</summary>
    public static ValuationGreeks Analytic(Black76Greeks g) => new(GreekEstimate.Exact(g.Delta), GreekEstimate.Exact(g.Gamma),
        GreekEstimate.Exact(g.Vega), GreekEstimate.Exact(g.Theta), GreekEstimate.Exact(g.Rho));
}

/// <summary>The result of a valuation: per lot from a pricer, for the request's quantity from the valuation service.</summary>
/// <param name="Value">Present value, in <paramref name="Currency"/>.</param>
/// <param name="StandardError">Standard error of the value (0 for a closed form).</param>
/// <param name="Currency">ISO currency of every figure.</param>
/// <param name="Method">e.g. "analytic-black76", "monte-carlo-merton".</param>
/// <param name="Paths">Paths simulated (0 for a closed form).</param>
/// <param name="Greeks">Sensitivities when asked for.</param>
/// <param name="WithoutLimits">Under a daily price limit: the value without it, on the same paths.</param>
/// <param name="SpreadGreeks">For a spread option: per-leg deltas, gammas, cross-gamma, vegas and the correlation sensitivity.</param>
/// <param name="CrnBumps">For a European option simulated with pathwise Greeks: the bump-and-revalue figures on the same paths, a cross-check.</param>
public sealed record Valuation(double Value, double StandardError, string Currency, string Method, long Paths, ValuationGreeks? Greeks,
    ValueWithStandardError? WithoutLimits = null, SpreadGreeks? SpreadGreeks = null, BumpGreeks? CrnBumps = null)
{
    /// <summary>The back end that computed the paths (<see cref="Simulation.SimulationResult.Backend"/>); null for a closed form.</summary>
    public string? Backend { get; init; }

    /// <summary>One figure with its standard error and method.</summary>
    /// <exception cref="InvalidOperationException">The valuation does not carry <paramref name="figure"/>.</exception>
    public GreekEstimate Figure(Figure figure) => figure switch
    {
        Pricing.Figure.Value => new(Value, StandardError, Paths > 0 ? GreekMethod.MonteCarlo : GreekMethod.Analytic),
        Pricing.Figure.Delta => Require(Greeks).Delta,
        Pricing.Figure.Gamma => Require(Greeks).Gamma,
        Pricing.Figure.Vega => Require(Greeks).Vega,
        Pricing.Figure.Theta => Require(Greeks).Theta,
        Pricing.Figure.Rho => Require(Greeks).Rho,
        Pricing.Figure.Delta1 => Require(SpreadGreeks).Delta1,
        Pricing.Figure.Delta2 => Require(SpreadGreeks).Delta2,
        Pricing.Figure.Gamma1 => Require(SpreadGreeks).Gamma1,
        Pricing.Figure.Gamma2 => Require(SpreadGreeks).Gamma2,
        Pricing.Figure.CrossGamma => Require(SpreadGreeks).CrossGamma,
        Pricing.Figure.Vega1 => Require(SpreadGreeks).Vega1,
        Pricing.Figure.Vega2 => Require(SpreadGreeks).Vega2,
        Pricing.Figure.CorrelationSensitivity => Require(SpreadGreeks).CorrelationSensitivity,
        _ => throw new InvalidOperationException($"a valuation does not carry {figure} as a Greek"),
    };

    private T Require<T>(T? figures) where T : class =>
        figures ?? throw new InvalidOperationException($"the valuation ({Method}) carries no {typeof(T).Name}");

    /// <summary>Every figure for <paramref name="quantity"/> lots instead of one.</summary>
    public Valuation Scale(double quantity) => this with
    {
        Value = Value * quantity,
        StandardError = StandardError * Math.Abs(quantity),
        Greeks = Greeks?.Scale(quantity),
        WithoutLimits = WithoutLimits?.Scale(quantity),
        SpreadGreeks = SpreadGreeks?.Scale(quantity),
        CrnBumps = CrnBumps?.Scale(quantity),
    };
}

/// <summary>A value and its standard error.</summary>
public sealed record ValueWithStandardError(double Value, double StandardError)
{
    public ValueWithStandardError Scale(double factor) => new(Value * factor, StandardError * Math.Abs(factor));
}
