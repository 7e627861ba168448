namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// The plain scalar C# loop a developer would write first: one path at a time, System.Random,
/// Box–Muller, one exp per step. Same option, paths and steps as the engine workload.
/// </summary>
public static class ScalarBaseline
{
    public static double ArithmeticAverageCall(double forward, double strike, double volatility, double expiry,
        int steps, int paths, int seed)
    {
        var random = new Random(seed);
        double dt = expiry / steps, drift = -0.5 * volatility * volatility * dt, diffusion = volatility * Math.Sqrt(dt);
        double sum = 0;
        for (int p = 0; p < paths; p++)
        {
            double logF = Math.Log(forward), total = 0;
            for (int k = 0; k < steps; k++)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                logF += drift + diffusion * z;
                total += Math.Exp(logF);
            }
            sum += Math.Max(total / steps - strike, 0);
        }
        return sum / paths;
    }
}
