using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Structural compliance model of an allowance futures price for delivery at the compliance date T,
/// without banking, in the style of Carmona &amp; Hinz (2011): at T an allowance is worth the penalty
/// π if the period ends in non-compliance and 0 otherwise, so before T it is worth π times the
/// risk-neutral probability of non-compliance,
/// <c>A_t = π·Φ(Z_t / √v(t,T))</c>, with Z a Gaussian martingale dZ = σ(t) dW and
/// v(t,T) = ∫_t^T σ(u)² du, so that non-compliance is the event {Z_T &gt; 0}.
/// A_t is a martingale in [0, π]; at T it is π·1{Z_T &gt; 0}.
/// <para>
/// Time change chosen here: σ(u)² = β(T − u)^{β−1}, so v(t,T) = (T − t)^β, with the exponent β &gt; 0
/// (<see cref="TimeChangeExponent"/>). β = 1 is a constant σ. A constant factor in σ cancels from every
/// price (A depends on Z/√v only), so β is the model's only volatility parameter: Y = Φ⁻¹(A/π) has
/// diffusion coefficient √β / √(T − t), and the log-price volatility is
/// φ(Y)/Φ(Y)·√β/√(T − t) — it rises towards T, where the price becomes a digital, and β sets its level.
/// Options on A_τ depend on β only through v(0,T)/v(τ,T) = (T/(T − τ))^β.
/// </para>
/// <para>
/// Simulation is exact on any grid: Z_{k+1} = Z_k + √(v(t_k,T) − v(t_{k+1},T))·z, then
/// A = π·Φ(Z/√v(t_{k+1},T)) (computed with v normalised by v(0,T), which changes nothing).
/// E[A_t] = A_0 at every step, so the price is an exact control variate.
/// </para>
/// Sources: R. Carmona, J. Hinz, "Risk-neutral models for emission allowance prices and option
/// valuation", Management Science 57(8) (2011) 1453–1468 (penalty × Φ of a time-changed Gaussian
/// martingale); M. Seifert, M. Uhrig-Homburg, M. Wagner, "Dynamic behavior of CO2 spot prices",
/// J. Environmental Economics and Management 56(2) (2008) 180–194 (price = penalty × probability of
/// non-compliance). The power-law time change is this engine's parametrisation.
/// </summary>
public sealed record CompliancePenaltyModel : IPathModel
{
    /// <param name="penalty">Penalty π per tonne of excess emissions, currency per tonne (EU ETS: EUR 100); &gt; 0.</param>
    /// <param name="complianceDate">Compliance date T in years from valuation; &gt; 0.</param>
    /// <param name="initialPrice">Futures price A_0 for delivery at T, currency per tonne; in (0, π).</param>
    /// <param name="timeChangeExponent">β in v(t,T) = (T − t)^β; in (0, 50]; 1 = constant σ.</param>
    /// <exception cref="InvalidInputException">An input is out of range; Field names it.</exception>
    public CompliancePenaltyModel(double penalty, double complianceDate, double initialPrice, double timeChangeExponent = 1.0)
    {
        Penalty = Guard.Positive(penalty, "penalty");
        ComplianceDate = Guard.Positive(complianceDate, "complianceDate");
        InitialPrice = Guard.Positive(initialPrice, "initialPrice");
        // The futures price comes from the market: what a caller can change is the penalty, so the penalty is named.
        if (initialPrice >= penalty) Guard.Fail("penalty", $"must exceed the futures price {initialPrice}, got {penalty}");
        TimeChangeExponent = Guard.Positive(timeChangeExponent, "timeChangeExponent");
        if (timeChangeExponent > MaxTimeChangeExponent)
            Guard.Fail("timeChangeExponent", $"must not exceed {MaxTimeChangeExponent}, got {timeChangeExponent}");
    }

    /// <summary>Largest accepted β: beyond it the price is a digital almost at once.</summary>
    public const double MaxTimeChangeExponent = 50;

    /// <summary>Penalty π, currency per tonne: the upper bound of the price.</summary>
    public double Penalty { get; }

    /// <summary>Compliance date T, years from valuation.</summary>
    public double ComplianceDate { get; }

    /// <summary>Futures price A_0 for delivery at T, currency per tonne.</summary>
    public double InitialPrice { get; }

    /// <summary>Exponent β of the time change v(t,T) = (T − t)^β.</summary>
    public double TimeChangeExponent { get; }

    /// <summary>Φ⁻¹(A_0/π) = Z_0/√v(0,T): the normalised state today (positive when A_0 &gt; π/2).</summary>
    internal double InitialNormalizedState => InverseNormal.InverseUnchecked(InitialPrice / Penalty);

    /// <summary>v(t,T)/v(0,T) = (1 − t/T)^β: remaining variance of Z after t, as a fraction of today's.</summary>
    internal double RemainingVarianceFraction(double t) => Math.Pow(1 - t / ComplianceDate, TimeChangeExponent);

    /// <summary>
    /// v(0,T)/v(τ,T) − 1 = (T/(T − τ))^β − 1: the variance of Φ⁻¹(A_τ/π) given today (s² in the
    /// option integral), computed without cancellation for small τ or β.
    /// </summary>
    internal double NormalizedVariance(double tau) => double.ExpM1(-TimeChangeExponent * Math.Log(1 - tau / ComplianceDate));

    public IPathStepper Prepare(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        CheckExpiry(grid.Horizon);
        int n = grid.Count;
        var increment = new double[n];
        var inverseScale = new double[n];
        double previous = 1; // v(0,T) normalised to 1
        var times = grid.Times;
        for (int k = 0; k < n; k++)
        {
            double remaining = RemainingVarianceFraction(times[k]);
            increment[k] = Math.Sqrt(previous - remaining);
            inverseScale[k] = remaining > 0 ? 1 / Math.Sqrt(remaining) : double.PositiveInfinity;
            previous = remaining;
        }
        return new CompliancePenaltyStepper(Penalty, InitialNormalizedState, increment, inverseScale, InitialPrice);
    }

    /// <summary>Requires 0 &lt; <paramref name="expiry"/> ≤ T (the price is not defined after the compliance date).</summary>
    internal void CheckExpiry(double expiry)
    {
        Guard.Positive(expiry, "expiry");
        if (expiry > ComplianceDate)
            Guard.Fail("expiry", $"must not be after the compliance date {ComplianceDate}, got {expiry}");
    }
}
