using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Exact VaR and ES of a P&amp;L that is a function of one standard normal z: P&amp;L(z) increasing, or rising then
/// falling (a short straddle loses in both tails). The loss exceeds v where z &lt; z₋(v) or z &gt; z₊(v), the
/// roots of P&amp;L(z) = −v on either side of its maximum, so P(loss ≥ v) = Φ(z₋) + 1 − Φ(z₊): VaR solves
/// P(loss ≥ VaR) = 1 − α (Brent), and ES = E[loss | loss ≥ VaR] is the integral of the loss against φ over
/// those two tails (Gauss–Legendre, MathNet). Independent of the engine's scenario machinery.
/// </summary>
internal static class OneFactorLossReference
{
    private const double Range = 10; // |z| beyond 10 has probability 1.5e-23: nothing there

    public static (double VaR, double ES) At(Func<double, double> pnl, double confidence)
    {
        double peak = ArgMax(pnl);
        double loss(double z) => -pnl(z);
        double lower(double v) => loss(-Range) < v ? -Range : Brent.FindRoot(z => loss(z) - v, -Range, peak, 1e-12);
        double upper(double v) => loss(Range) < v ? Range : Brent.FindRoot(z => loss(z) - v, peak, Range, 1e-12);
        double tail(double v) => Normal.CDF(0, 1, lower(v)) + 1 - Normal.CDF(0, 1, upper(v));

        double least = loss(peak), most = Math.Max(loss(-Range), loss(Range));
        double var = Brent.FindRoot(v => tail(v) - (1 - confidence), least + 1e-9 * Math.Abs(least), most, 1e-10 * Math.Abs(most));
        double Weighted(double z) => loss(z) * Normal.PDF(0, 1, z);
        double lo = lower(var), hi = upper(var);
        double es = (Integrate.GaussLegendre(Weighted, -Range, lo, 512) + Integrate.GaussLegendre(Weighted, hi, Range, 512)) / (1 - confidence);
        return (var, es);
    }

    /// <summary>The z of the largest P&amp;L on [−10, 10] (golden-section search; the end point for a monotone P&amp;L).</summary>
    private static double ArgMax(Func<double, double> f)
    {
        double a = -Range, b = Range, ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        while (b - a > 1e-10)
        {
            if (f(c) > f(d)) b = d; else a = c;
            c = b - ratio * (b - a);
            d = a + ratio * (b - a);
        }
        return 0.5 * (a + b);
    }
}
