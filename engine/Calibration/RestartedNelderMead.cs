using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// MathNet's Nelder–Mead restarted from its own optimum until a round improves by less than a tolerance (a simplex can
/// collapse before the optimum; a restart rebuilds it). The best point evaluated is what comes back, so a round that
/// runs out of iterations (MathNet throws there) still counts: odd data gives the best fit found, never an exception.
/// </summary>
internal static class RestartedNelderMead
{
    /// <param name="objective">The function to minimise (non-finite values count as worse than any finite one).</param>
    /// <param name="start">The first point.</param>
    /// <param name="step">The initial simplex's size in each coordinate.</param>
    /// <param name="convergence">MathNet's convergence tolerance of a round.</param>
    /// <param name="iterations">Most iterations a round.</param>
    /// <param name="rounds">Most rounds.</param>
    /// <param name="improvement">A round improving by less ends the search.</param>
    public static Vector<double> Minimize(Func<Vector<double>, double> objective, Vector<double> start, Vector<double> step, double convergence,
        int iterations, int rounds, double improvement)
    {
        var best = start;
        double bestValue = double.PositiveInfinity;
        double Tracked(Vector<double> point)
        {
            double value = objective(point);
            if (value < bestValue) (bestValue, best) = (value, point.Clone());
            return double.IsFinite(value) ? value : double.MaxValue;
        }
        var function = ObjectiveFunction.Value(Tracked);
        var from = start;
        double previous = double.PositiveInfinity;
        for (int round = 0; round < rounds; round++)
        {
            try
            {
                from = new NelderMeadSimplex(convergence, iterations).FindMinimum(function, from, step).MinimizingPoint;
            }
            catch (MaximumIterationsException)
            {
                break;
            }
            if (previous - bestValue < improvement) break;
            previous = bestValue;
        }
        return best;
    }
}
