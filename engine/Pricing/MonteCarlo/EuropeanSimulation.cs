using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// European futures options under Black-76 or Merton by Monte Carlo on the Brownian driver: the value, pathwise
/// delta and vega, likelihood-ratio gamma, pathwise rho and CRN theta from one simulation, with the CRN delta,
/// gamma and vega beside them as a cross-check. A single trade and a book position get the same numbers.
/// </summary>
internal static class EuropeanSimulation
{
    /// <param name="option">The option per lot; expiry &gt; 0 and vol &gt; 0.</param>
    /// <param name="jumps">Jumps of the underlying; null for Black-76.</param>
    /// <param name="inputs">Settings (the control variate is the terminal futures price), bumps, Greeks flag.</param>
    /// <param name="currency">Of the figures.</param>
    /// <param name="method">The valuation's method name.</param>
    public static SimulatedPlan Plan(ResolvedFuturesOption option, LogNormalJumps? jumps, PricingInputs inputs, string currency, string method)
    {
        int steps = jumps is null ? 1 : Math.Max(1, (int)Math.Ceiling(jumps.Intensity * option.Expiry / LogNormalJumps.MaxJumpsPerStep));
        var part = new EuropeanOptionsPart(new DriverOption(option.Type, option.Strike, option.Forward, option.Volatility, option.DiscountFactor),
            jumps, option.Expiry, steps, inputs.Bumps);
        double lot = option.LotSize;
        Measure Output(int output) => Measure.Of(0, output, lot);
        var value = inputs.MonteCarlo.ControlVariate
            ? new Measure([new MeasureTerm(0, EuropeanOutput.Price, lot)], [new MeasureTerm(0, EuropeanOutput.Terminal, lot)], lot * option.Forward)
            : Output(EuropeanOutput.Price);
        var figures = new Dictionary<Figure, FigureMeasure> { [Figure.Value] = new(value, GreekMethod.MonteCarlo) };
        if (inputs.Greeks)
        {
            figures[Figure.Delta] = new(Output(EuropeanOutput.DeltaPathwise), GreekMethod.Pathwise);
            figures[Figure.Gamma] = new(Output(EuropeanOutput.GammaLikelihoodRatio), GreekMethod.LikelihoodRatio);
            figures[Figure.Vega] = new(Output(EuropeanOutput.VegaPathwise), GreekMethod.Pathwise);
            figures[Figure.Theta] = new(Output(EuropeanOutput.ThetaCrn), GreekMethod.CrnBump);
            figures[Figure.Rho] = new(Output(EuropeanOutput.RhoPathwise), GreekMethod.Pathwise);
            figures[Figure.CrnDelta] = new(Output(EuropeanOutput.DeltaCrn), GreekMethod.CrnBump);
            figures[Figure.CrnGamma] = new(Output(EuropeanOutput.GammaCrn), GreekMethod.CrnBump);
            figures[Figure.CrnVega] = new(Output(EuropeanOutput.VegaCrn), GreekMethod.CrnBump);
            figures[Figure.CrnTheta] = new(Output(EuropeanOutput.ThetaCrn), GreekMethod.CrnBump);
        }
        return new SimulatedPlan([part], figures, currency, method);
    }
}
