namespace CarbonDerivatives.Engine.Risk.Backtesting;

/// <summary>A likelihood-ratio statistic and its p-value under the chi-squared law of its degrees of freedom.</summary>
/// <param name="Statistic">−2 ln(likelihood ratio); &gt;= 0.</param>
/// <param name="PValue">P(χ²_df &gt;= Statistic): small values reject the model.</param>
/// <param name="DegreesOfFreedom">Of the chi-squared law.</param>
public sealed record TestStatistic(double Statistic, double PValue, int DegreesOfFreedom)
{
    internal static TestStatistic ChiSquared(double statistic, int degreesOfFreedom)
    {
        double s = Math.Max(statistic, 0); // rounding can leave −1e-15 where the two likelihoods agree
        return new(s, 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(degreesOfFreedom, s), degreesOfFreedom);
    }

    /// <summary>x·ln(y), taken as 0 when x = 0 (the 0⁰ = 1 of a likelihood with an empty cell).</summary>
    internal static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);
}
