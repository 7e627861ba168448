using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Greeks of a European futures option under Black-76 or Merton by Monte Carlo, each from one
/// simulation with common random numbers (<see cref="EuropeanSensitivityPayoff"/>), per lot:
/// <list type="bullet">
/// <item>delta, gamma: central differences in F_0 (bump 1%), path by path;</item>
/// <item>vega = σ·T·F²·Γ, exact for European payoffs when, given the jumps, ln F_T is normal with
/// variance σ²T + nσ_J² (Black-76 and Merton): ∂V/∂σ = σT F² ∂²V/∂F²;</item>
/// <item>theta = r·V − DF·∂U/∂T, U(T) − U(T − h) from the same paths observed one day earlier;</item>
/// <item>rho = −T·V exactly (the futures price held fixed, V = DF·U).</item>
/// </list>
/// </summary>
internal static class MonteCarloOptionGreeks
{
    private const double RelativeBump = 0.01;
    private const string Method = "crn-bump";

    public static ValuationGreeks Compute(ResolvedFuturesOption option, IPathModel model, MonteCarloEstimate price, int steps,
        MonteCarloSettings settings, Simulation.SimulationLimits? limits, CancellationToken cancellation)
    {
        double f = option.Forward, t = option.Expiry, scale = option.DiscountFactor * option.LotSize;
        double h = Math.Min(1.0 / 365, t / (2 * steps));
        var grid = GridWithEarlierTime(t, steps, h);
        var greekSettings = settings with { ControlVariate = false };
        MonteCarloEstimate Run((double, double, double, double) weights) =>
            MonteCarloSimulator.Run(model, grid, new EuropeanSensitivityPayoff(option.Type, option.Strike, RelativeBump, weights),
                greekSettings, limits, cancellation).Scale(scale);

        double bump = RelativeBump * f;
        var delta = Run((0, 1, -1, 0)).Scale(1 / (2 * bump));
        var gamma = Run((-2, 1, 1, 0)).Scale(1 / (bump * bump));
        var decay = Run((1, 0, 0, -1)).Scale(1 / h);  // DF·(U(T) − U(T − h)) / h per lot
        double rate = t > 0 ? -Math.Log(option.DiscountFactor) / t : 0;
        double vegaFactor = option.Volatility * t * f * f;
        return new ValuationGreeks(
            new GreekFigure(delta.Value, delta.StandardError, Method),
            new GreekFigure(gamma.Value, gamma.StandardError, Method),
            new GreekFigure(vegaFactor * gamma.Value, vegaFactor * gamma.StandardError, Method + " (sigma*T*F^2*gamma)"),
            new GreekFigure(rate * price.Value - decay.Value, Math.Sqrt(Square(rate * price.StandardError) + Square(decay.StandardError)), Method),
            new GreekFigure(-t * price.Value, t * price.StandardError, "exact (-T*V)"));
    }

    private static double Square(double x) => x * x;

    /// <summary>The uniform grid to <paramref name="expiry"/> with T − h added (if not already there).</summary>
    private static TimeGrid GridWithEarlierTime(double expiry, int steps, double h)
    {
        var times = TimeGrid.Uniform(expiry, steps).Times.ToArray().Append(expiry - h).Distinct().Order().ToArray();
        return new TimeGrid(times);
    }
}
