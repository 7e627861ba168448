using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Closed forms for continuously monitored single-barrier options on a futures price under Black-76:
/// Reiner &amp; Rubinstein, "Breaking down the barriers", Risk 4(8) (1991) 28–35, as tabulated in Haug,
/// The Complete Guide to Option Pricing Formulas, 2nd ed. (2007) §4.17.1, with cost of carry b = 0
/// (so μ = −½ and the terms A–E below lose their carry factors). The knock-out formulas are Haug's
/// with the rebate left out; knock-in = vanilla − knock-out (without rebate), exact by construction;
/// the rebate is paid at expiry: R·DF·P(no hit) for a knock-in (Haug's E) and R·DF·(1 − P(no hit)) for
/// a knock-out. The Broadie–Glasserman–Kou shift turns them into a discrete-monitoring approximation.
/// Prices are per tonne, discounted, in the strike's currency.
/// </summary>
public static class ReinerRubinsteinBarrier
{
    /// <summary>β = −ζ(½)/√(2π) of Broadie, Glasserman &amp; Kou (1997).</summary>
    public const double BroadieGlassermanKouBeta = 0.5826;

    /// <summary>Present value per tonne with continuous monitoring (the option's monitoring times are ignored).</summary>
    public static double PriceContinuous(ResolvedBarrierOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return PriceUnchecked(option.Type, option.Direction, option.Knock, option.Forward, option.Strike, option.Barrier,
            option.Rebate, option.Volatility * Math.Sqrt(option.Expiry), option.DiscountFactor);
    }

    /// <summary>
    /// Present value per tonne with discrete monitoring every <paramref name="monitoringInterval"/> years,
    /// approximated by the continuous formula at the barrier moved away from the forward,
    /// H·exp(±β σ √Δt) (+ for up, − for down). Source: M. Broadie, P. Glasserman &amp; S. Kou, "A
    /// continuity correction for discrete barrier options", Mathematical Finance 7 (1997) 325–349.
    /// </summary>
    public static double PriceDiscrete(ResolvedBarrierOption option, double monitoringInterval)
    {
        ArgumentNullException.ThrowIfNull(option);
        Validation.Guard.Positive(monitoringInterval, "monitoringInterval");
        double shift = BroadieGlassermanKouBeta * option.Volatility * Math.Sqrt(monitoringInterval);
        double barrier = option.Barrier * Math.Exp(option.Direction == BarrierDirection.Up ? shift : -shift);
        return PriceUnchecked(option.Type, option.Direction, option.Knock, option.Forward, option.Strike, barrier,
            option.Rebate, option.Volatility * Math.Sqrt(option.Expiry), option.DiscountFactor);
    }

    /// <summary>The closed form on trusted inputs (barrier strictly on its side of the forward); <paramref name="stdDev"/> = σ√T.</summary>
    internal static double PriceUnchecked(OptionType type, BarrierDirection direction, BarrierKnock knock, double forward,
        double strike, double barrier, double rebate, double stdDev, double discountFactor)
    {
        double vanilla = Black76.PriceUnchecked(type, forward, strike, stdDev, discountFactor);
        double outValue, noHit; // knock-out value without rebate, and DF·P(barrier never hit)
        if (stdDev == 0)
        {
            outValue = vanilla; // a price that cannot move never reaches the barrier
            noHit = discountFactor;
        }
        else
        {
            (outValue, noHit) = KnockOut(type, direction, forward, strike, barrier, stdDev, discountFactor);
        }
        return knock == BarrierKnock.Out
            ? outValue + rebate * (discountFactor - noHit)
            : vanilla - outValue + rebate * noHit;
    }

    private static (double Value, double NoHit) KnockOut(OptionType type, BarrierDirection direction, double f, double k,
        double h, double s, double df)
    {
        double phi = type == OptionType.Call ? 1 : -1;
        double eta = direction == BarrierDirection.Down ? 1 : -1;
        double x1 = Math.Log(f / k) / s + 0.5 * s;
        double x2 = Math.Log(f / h) / s + 0.5 * s;
        double y1 = Math.Log(h * h / (f * k)) / s + 0.5 * s;
        double y2 = Math.Log(h / f) / s + 0.5 * s;
        double N(double x) => NormalDistribution.Cdf(x);
        // With b = 0: (H/F)^{2(μ+1)} = H/F and (H/F)^{2μ} = F/H.
        double a = phi * df * (f * N(phi * x1) - k * N(phi * (x1 - s)));
        double b = phi * df * (f * N(phi * x2) - k * N(phi * (x2 - s)));
        double c = phi * df * (h * N(eta * y1) - k * f / h * N(eta * (y1 - s)));
        double d = phi * df * (h * N(eta * y2) - k * f / h * N(eta * (y2 - s)));
        double noHit = df * (N(eta * (x2 - s)) - f / h * N(eta * (y2 - s)));
        bool strikeAbove = k >= h;
        double value = (type, direction) switch
        {
            (OptionType.Call, BarrierDirection.Down) => strikeAbove ? a - c : b - d,
            (OptionType.Call, BarrierDirection.Up) => strikeAbove ? 0 : a - b + c - d,
            (OptionType.Put, BarrierDirection.Down) => strikeAbove ? a - b + c - d : 0,
            _ => strikeAbove ? b - d : a - c,
        };
        return (Math.Max(value, 0), noHit);
    }
}
