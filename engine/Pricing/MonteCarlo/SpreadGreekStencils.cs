using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// The spread Greeks both spread simulations report, as central differences of revaluations on common random numbers:
/// F·(1 ± 1%) per leg (delta, gamma, cross-gamma), σ ± 1 point (one-sided at a vol under the bump), ρ ± min(0.01,
/// (1 − |ρ|)/2). How a revaluation is simulated is the caller's: each callback gives the term (group, output, weight per
/// lot) of one.
/// </summary>
internal static class SpreadGreekStencils
{
    /// <param name="option">The resolved option (its forwards, vols and correlation are the base).</param>
    /// <param name="prices">The revaluation with leg prices scaled by m₁, m₂.</param>
    /// <param name="dynamics">The revaluation at vols σ′₁, σ′₂ and correlation ρ′.</param>
    /// <returns>Delta1/2, Gamma1/2, CrossGamma, Vega1/2, CorrelationSensitivity and the parallel Delta, Gamma, Vega.</returns>
    public static Dictionary<Figure, FigureMeasure> Figures(ResolvedSpreadOption option, Func<double, double, MeasureTerm> prices,
        Func<double, double, double, MeasureTerm> dynamics)
    {
        double h = SpreadSimulation.PriceBump, up = 1 + h, down = 1 - h, f1 = option.Leg1.Forward, f2 = option.Leg2.Forward;
        double s1 = option.Leg1.Volatility, s2 = option.Leg2.Volatility, dv = SpreadSimulation.VolatilityBump;
        double low1 = Math.Max(s1 - dv, 0), low2 = Math.Max(s2 - dv, 0); // one-sided below a volatility under the bump
        double rho = option.Correlation, dr = Math.Min(SpreadSimulation.CorrelationBump, (1 - Math.Abs(rho)) / 2);
        var basis = prices(1, 1);
        var delta1 = new[] { (prices(up, 1), 1 / (2 * h * f1)), (prices(down, 1), -1 / (2 * h * f1)) };
        var delta2 = new[] { (prices(1, up), 1 / (2 * h * f2)), (prices(1, down), -1 / (2 * h * f2)) };
        var gamma1 = new[] { (prices(up, 1), 1 / Square(h * f1)), (basis, -2 / Square(h * f1)), (prices(down, 1), 1 / Square(h * f1)) };
        var gamma2 = new[] { (prices(1, up), 1 / Square(h * f2)), (basis, -2 / Square(h * f2)), (prices(1, down), 1 / Square(h * f2)) };
        double c = 1 / (4 * h * h * f1 * f2);
        var cross = new[] { (prices(up, up), c), (prices(up, down), -c), (prices(down, up), -c), (prices(down, down), c) };
        var vega1 = new[] { (dynamics(s1 + dv, s2, rho), 1 / (s1 + dv - low1)), (dynamics(low1, s2, rho), -1 / (s1 + dv - low1)) };
        var vega2 = new[] { (dynamics(s1, s2 + dv, rho), 1 / (s2 + dv - low2)), (dynamics(s1, low2, rho), -1 / (s2 + dv - low2)) };
        var correlation = new[] { (dynamics(s1, s2, rho + dr), 1 / (2 * dr)), (dynamics(s1, s2, rho - dr), -1 / (2 * dr)) };

        // Terms of one revaluation share its weight: their stencil weights are summed first, then scaled once.
        static Measure Combination(IEnumerable<(MeasureTerm Term, double Weight)> terms) =>
            new([.. terms.GroupBy(t => t.Term).Select(g => g.Key with { Weight = g.Sum(t => t.Weight) * g.Key.Weight })]);
        FigureMeasure Bumped(IEnumerable<(MeasureTerm, double)> terms) => new(Combination(terms), GreekMethod.CrnBump);
        return new Dictionary<Figure, FigureMeasure>
        {
            [Figure.Delta1] = Bumped(delta1),
            [Figure.Delta2] = Bumped(delta2),
            [Figure.Gamma1] = Bumped(gamma1),
            [Figure.Gamma2] = Bumped(gamma2),
            [Figure.CrossGamma] = Bumped(cross),
            [Figure.Vega1] = Bumped(vega1),
            [Figure.Vega2] = Bumped(vega2),
            [Figure.CorrelationSensitivity] = Bumped(correlation),
            [Figure.Delta] = Bumped([.. delta1, .. delta2]),
            [Figure.Gamma] = Bumped([.. gamma1, .. cross.Select(t => (t.Item1, 2 * t.Item2)), .. gamma2]),
            [Figure.Vega] = Bumped([.. vega1, .. vega2]),
        };
    }

    private static double Square(double x) => x * x;
}
