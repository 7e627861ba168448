namespace CarbonDerivatives.Tests.Smile;

/// <summary>
/// An independent reference for a continuously monitored down-and-out call under a local variance v(t, F): the backward
/// equation V_t + ½v(V_xx − V_x) = 0 in x = ln F (a futures price has no drift), V = 0 on the barrier, V = F − K far above,
/// V(T) = (F − K)⁺; Crank–Nicolson in time with four implicit (Rannacher) half steps first to damp the payoff's kink, central
/// differences on a uniform grid with a node on the barrier and one on F₀. Undiscounted, per unit.
/// </summary>
internal static class LocalVolatilityBarrierPde
{
    public static double DownAndOutCall(Func<double, double, double> localVariance, double forward, double strike, double barrier,
        double expiry, int nodesToForward = 240, int timeSteps = 1_000)
    {
        double xLow = Math.Log(barrier), x0 = Math.Log(forward);
        double dx = (x0 - xLow) / nodesToForward;
        double width = 8 * Math.Sqrt(localVariance(expiry, forward) * expiry) + 0.5;
        int n = nodesToForward + (int)Math.Ceiling(width / dx); // last node index
        var x = new double[n + 1];
        for (int j = 0; j <= n; j++) x[j] = xLow + j * dx;
        var value = x.Select(xj => Math.Max(Math.Exp(xj) - strike, 0)).ToArray();
        value[0] = 0;

        var lower = new double[n + 1];
        var diagonal = new double[n + 1];
        var upper = new double[n + 1];
        var rhs = new double[n + 1];
        double dt = expiry / timeSteps;
        // Rannacher: the first two time steps as four implicit half steps.
        var schedule = Enumerable.Repeat((Step: dt / 2, Theta: 1.0), 4).Concat(Enumerable.Repeat((Step: dt, Theta: 0.5), timeSteps - 2));
        double t = expiry;
        foreach (var (step, theta) in schedule)
        {
            double mid = t - step / 2;
            for (int j = 1; j < n; j++)
            {
                double v = localVariance(mid, Math.Exp(x[j]));
                double a = 0.5 * v * (1 / (dx * dx) + 1 / (2 * dx)); // coefficient of V_{j−1}
                double c = 0.5 * v * (1 / (dx * dx) - 1 / (2 * dx)); // of V_{j+1}
                double b = -v / (dx * dx);
                rhs[j] = value[j] + (1 - theta) * step * (a * value[j - 1] + b * value[j] + c * value[j + 1]);
                lower[j] = -theta * step * a;
                diagonal[j] = 1 - theta * step * b;
                upper[j] = -theta * step * c;
            }
            t -= step;
            // Boundaries: knocked out on the barrier; deep in the money the call is F − K.
            rhs[0] = 0; diagonal[0] = 1; upper[0] = 0;
            rhs[n] = Math.Exp(x[n]) - strike; diagonal[n] = 1; lower[n] = 0;
            SolveTridiagonal(lower, diagonal, upper, rhs, value);
        }
        return value[nodesToForward];
    }

    // Thomas algorithm; the system is diagonally dominant.
    private static void SolveTridiagonal(double[] lower, double[] diagonal, double[] upper, double[] rhs, double[] solution)
    {
        int n = rhs.Length;
        var c = new double[n];
        var d = new double[n];
        c[0] = upper[0] / diagonal[0];
        d[0] = rhs[0] / diagonal[0];
        for (int i = 1; i < n; i++)
        {
            double m = diagonal[i] - lower[i] * c[i - 1];
            c[i] = i < n - 1 ? upper[i] / m : 0;
            d[i] = (rhs[i] - lower[i] * d[i - 1]) / m;
        }
        solution[n - 1] = d[n - 1];
        for (int i = n - 2; i >= 0; i--) solution[i] = d[i] - c[i] * solution[i + 1];
    }
}
