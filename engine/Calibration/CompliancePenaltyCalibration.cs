using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.RootFinding;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// The Black-76 volatility the compliance model (<see cref="CompliancePenaltyModel"/>) implies, and
/// its calibration to a market ATM volatility. A constant factor in σ cancels from every price of the
/// model, so the quantity to calibrate is the time-change exponent β: the model's option prices rise
/// strictly with β (A_τ is the model's martingale read at the later clock (T/(T − τ))^β, hence larger
/// in convex order), from intrinsic value as β → 0 to the digital limit as β → ∞, so the ATM
/// volatility has exactly one root in β when it lies between those limits.
/// </summary>
public static class CompliancePenaltyCalibration
{
    private const double MinExponent = 1e-6;

    /// <summary>
    /// Black-76 implied volatility per annum of the model's European option on A_τ struck at
    /// <paramref name="strike"/> (ATM: strike = A_0). The discount factor cancels, so none is asked.
    /// </summary>
    /// <param name="model">The compliance model.</param>
    /// <param name="strike">Strike, currency per tonne; &gt; 0.</param>
    /// <param name="expiry">Option expiry τ in years; 0 &lt; τ ≤ T.</param>
    /// <returns>Volatility per annum (0.45 = 45%); 0 when the option has no time value.</returns>
    /// <exception cref="InvalidInputException">An input is out of range; Field names it.</exception>
    public static double ImpliedVolatility(CompliancePenaltyModel model, double strike, double expiry)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.CheckExpiry(expiry);
        Guard.Positive(strike, "strike");
        // The out-of-the-money side carries the time value with least cancellation.
        var type = strike >= model.InitialPrice ? OptionType.Call : OptionType.Put;
        double price = CompliancePenalty.UndiscountedPrice(model, type, strike, expiry);
        return Black76.ImpliedVolatility(type, price, model.InitialPrice, strike, expiry, 1.0);
    }

    /// <summary>
    /// The model whose at-the-money (strike A_0) option at <paramref name="expiry"/> has Black-76
    /// volatility <paramref name="atmVolatility"/>: β solved by Brent's method on ln β in [10⁻⁶, 50],
    /// to about 1e-12 in ln β.
    /// </summary>
    /// <param name="penalty">Penalty π, currency per tonne; &gt; 0.</param>
    /// <param name="complianceDate">Compliance date T, years; &gt; 0.</param>
    /// <param name="initialPrice">Futures price A_0 for delivery at T; in (0, π).</param>
    /// <param name="atmVolatility">Market Black-76 ATM volatility per annum; &gt; 0.</param>
    /// <param name="expiry">Expiry of the quoted option in years; 0 &lt; τ &lt; T.</param>
    /// <exception cref="InvalidInputException">Field "timeChangeExponent" (the β it would calibrate) when no β in the range
    /// reproduces the market vol (the message gives the reachable range); other fields when out of range.</exception>
    public static CompliancePenaltyModel CalibrateToAtmVolatility(double penalty, double complianceDate, double initialPrice,
        double atmVolatility, double expiry)
    {
        var lowest = new CompliancePenaltyModel(penalty, complianceDate, initialPrice, MinExponent);
        Guard.Positive(atmVolatility, "atmVolatility");
        lowest.CheckExpiry(expiry);
        if (expiry >= complianceDate)
            Guard.Fail("expiry", $"must be before the compliance date {complianceDate} (at it the price is a digital for every β), got {expiry}");

        double VolatilityGap(double logExponent) =>
            ImpliedVolatility(new CompliancePenaltyModel(penalty, complianceDate, initialPrice, Math.Exp(logExponent)), initialPrice, expiry) - atmVolatility;

        double low = Math.Log(MinExponent), high = Math.Log(CompliancePenaltyModel.MaxTimeChangeExponent);
        double gapLow = VolatilityGap(low), gapHigh = VolatilityGap(high);
        if (gapLow > 0 || gapHigh < 0)
            Guard.Fail("timeChangeExponent", $"cannot be calibrated: the market ATM vol {atmVolatility} lies outside [{gapLow + atmVolatility:G6}, {gapHigh + atmVolatility:G6}], " +
                $"the range this model reaches at expiry {expiry}");
        double root = Brent.FindRoot(VolatilityGap, low, high, 1e-12, 200);
        return new CompliancePenaltyModel(penalty, complianceDate, initialPrice, Math.Exp(root));
    }
}
