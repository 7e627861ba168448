using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.Integration;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Closed forms of the structural compliance model (<see cref="CompliancePenaltyModel"/>).
/// The futures price for delivery at T is A_0 (A is a martingale). At τ ≤ T,
/// Φ⁻¹(A_τ/π) = m + s·x with x ~ N(0,1), s² = v(0,T)/v(τ,T) − 1 and m = Φ⁻¹(A_0/π)·√(1 + s²), so a
/// European option on A_τ is the 1-D integral
/// <c>DF·∫ max(ω(π·Φ(m + s·x) − K), 0)·φ(x) dx</c> (ω = +1 call, −1 put)
/// (Carmona &amp; Hinz, Management Science 57(8) (2011) 1453–1468, section on option valuation).
/// It is evaluated on the exercise side of the boundary x* = (Φ⁻¹(K/π) − m)/s only (solved in closed
/// form, so the integrand is smooth), by 20-point Gauss–Legendre on panels no wider than 1 in x and
/// no wider than 1/s where Φ(m + s·x) moves, over |x| ≤ 9 (the tail beyond is below π·10⁻¹⁹).
/// At τ = T the price is the digital π·1{Z_T &gt; 0}, worth π with probability A_0/π.
/// Prices are per tonne, in the currency of the penalty.
/// </summary>
public static class CompliancePenalty
{
    private const double TailCutoff = 9.0;
    private const int PointsPerPanel = 20;

    /// <summary>
    /// Present value per tonne of a European option on the futures price A at <paramref name="expiry"/>.
    /// </summary>
    /// <param name="model">The compliance model.</param>
    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike K, currency per tonne; &gt; 0 (a strike at or above π leaves a worthless call).</param>
    /// <param name="expiry">Option expiry τ in years; 0 &lt; τ ≤ T.</param>
    /// <param name="discountFactor">Discount factor from valuation to payment; &gt; 0.</param>
    /// <returns>Present value; put − call = DF·(K − A_0); 0 ≤ value ≤ DF·max(π, K).</returns>
    /// <exception cref="InvalidInputException">An input is out of range; Field names it.</exception>
    public static double OptionPrice(CompliancePenaltyModel model, OptionType type, double strike, double expiry, double discountFactor)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.CheckExpiry(expiry);
        Guard.Positive(strike, "strike");
        Guard.Positive(discountFactor, "discountFactor");
        return discountFactor * UndiscountedPrice(model, type, strike, expiry);
    }

    /// <summary>E[max(ω(A_τ − K), 0)]; inputs trusted.</summary>
    internal static double UndiscountedPrice(CompliancePenaltyModel model, OptionType type, double strike, double expiry)
    {
        double penalty = model.Penalty, initial = model.InitialPrice;
        bool call = type == OptionType.Call;
        double variance = expiry < model.ComplianceDate ? model.NormalizedVariance(expiry) : double.PositiveInfinity;
        if (double.IsPositiveInfinity(variance)) // at T, or so close that the price is already a digital
        {
            double probability = initial / penalty; // of non-compliance: A_T = π
            return call
                ? probability * Math.Max(penalty - strike, 0)
                : probability * Math.Max(strike - penalty, 0) + (1 - probability) * strike;
        }
        if (strike >= penalty) return call ? 0 : strike - initial; // A_τ < π: the put is always exercised

        double intrinsic = Math.Max(call ? initial - strike : strike - initial, 0);
        if (variance == 0) return intrinsic;
        double s = Math.Sqrt(variance);
        double m = model.InitialNormalizedState * Math.Sqrt(1 + variance);
        double boundary = (InverseNormal.InverseUnchecked(strike / penalty) - m) / s;
        double lower = call ? Math.Max(boundary, -TailCutoff) : -TailCutoff;
        double upper = call ? TailCutoff : Math.Min(boundary, TailCutoff);
        if (lower >= upper) return 0;

        double omega = call ? 1 : -1;
        double Integrand(double x) => omega * (penalty * NormalDistribution.Cdf(m + s * x) - strike) * NormalDistribution.Density(x);
        return IntegrateOnPanels(Integrand, lower, upper, m, s);
    }

    /// <summary>
    /// Composite Gauss–Legendre over [lower, upper] with breakpoints at the integers (the scale of φ)
    /// and where m + s·x crosses an integer in [−9, 9] (the scale of Φ(m + s·x)).
    /// </summary>
    private static double IntegrateOnPanels(Func<double, double> integrand, double lower, double upper, double m, double s)
    {
        int cut = (int)TailCutoff;
        Span<double> points = stackalloc double[2 * (2 * cut + 1) + 2];
        int count = 0;
        points[count++] = lower;
        points[count++] = upper;
        for (int j = -cut; j <= cut; j++)
        {
            double densityBreak = j;
            double cdfBreak = (j - m) / s;
            if (densityBreak > lower && densityBreak < upper) points[count++] = densityBreak;
            if (cdfBreak > lower && cdfBreak < upper) points[count++] = cdfBreak;
        }
        var breaks = points[..count];
        breaks.Sort();
        double total = 0;
        for (int k = 1; k < breaks.Length; k++)
        {
            if (breaks[k] > breaks[k - 1])
                total += GaussLegendreRule.Integrate(integrand, breaks[k - 1], breaks[k], PointsPerPanel);
        }
        return total;
    }
}
