using CarbonDerivatives.Engine.Products;
using MathNet.Numerics;
using QLNet;
using OptionType = CarbonDerivatives.Engine.Products.OptionType;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// Closed-form references for options on a settlement price under daily limits L on a Black-76 fundamental F*.
/// One session: the settlement is clamp(F*_T, a, b), a = (1 − L)F, b = (1 + L)F, and
/// clamp(Y, a, b) = a + (Y − a)⁺ − (Y − b)⁺, so with c(k), p(k) the Black-76 call and put on F*:
/// a call pays (a − K)·DF + c(a) − c(b) for K ≤ a, c(K) − c(b) for a &lt; K &lt; b, nothing for K ≥ b;
/// a put pays p(K) − p(a) for a &lt; K &lt; b, (K − b)·DF + p(b) − p(a) for K ≥ b, nothing for K ≤ a.
/// Two sessions: day one's fundamental X₁ = F·e^{σ√Δ·z − σ²Δ/2} gives S₁ = clamp(X₁, a, b); day two is the
/// one-session formula with forward X₁ and band (1 ∓ L)S₁, integrated against φ(z) by Gauss–Legendre (MathNet)
/// between the kinks of the integrand (X₁ = a, b; S₁ = K/(1 ∓ L)). Options priced by QLNet's blackFormula.
/// </summary>
internal static class PriceLimitReference
{
    /// <summary>Value per lot of the option paying on the settlement one session from now (its expiry).</summary>
    public static double OneSession(ResolvedFuturesOption option, double limit) =>
        option.LotSize * option.DiscountFactor * Clamped(option.Type, option.Forward, option.Volatility * Math.Sqrt(option.Expiry),
            (1 - limit) * option.Forward, (1 + limit) * option.Forward, option.Strike);

    /// <summary>Value per lot of the option paying on the settlement two sessions from now (its expiry, Δ = T/2 each).</summary>
    public static double TwoSessions(ResolvedFuturesOption option, double limit)
    {
        double f = option.Forward, sd = option.Volatility * Math.Sqrt(option.Expiry / 2);
        double a = (1 - limit) * f, b = (1 + limit) * f;
        double DayOne(double z) => f * Math.Exp(sd * z - 0.5 * sd * sd);
        double Integrand(double z)
        {
            double x = DayOne(z), settlement = Math.Clamp(x, a, b);
            return MathNet.Numerics.Distributions.Normal.PDF(0, 1, z) *
                   Clamped(option.Type, x, sd, (1 - limit) * settlement, (1 + limit) * settlement, option.Strike);
        }
        double ZOf(double x) => (Math.Log(x / f) + 0.5 * sd * sd) / sd;
        var cuts = new[] { a, b, option.Strike / (1 - limit), option.Strike / (1 + limit) }.Select(ZOf)
            .Where(z => Math.Abs(z) < 10).Append(-10).Append(10).Order().ToArray();
        double expectation = 0;
        for (int i = 0; i + 1 < cuts.Length; i++) expectation += Integrate.GaussLegendre(Integrand, cuts[i], cuts[i + 1], 256);
        return option.LotSize * option.DiscountFactor * expectation;
    }

    /// <summary>Undiscounted E[(ω(clamp(Y, a, b) − K))⁺] for Y log-normal with mean <paramref name="forward"/> and log sd <paramref name="stdDev"/>.</summary>
    private static double Clamped(OptionType type, double forward, double stdDev, double a, double b, double strike)
    {
        double Call(double k) => Utils.blackFormula(QLNet.Option.Type.Call, k, forward, stdDev);
        double Put(double k) => Utils.blackFormula(QLNet.Option.Type.Put, k, forward, stdDev);
        if (type == OptionType.Call)
            return strike <= a ? a - strike + Call(a) - Call(b) : strike < b ? Call(strike) - Call(b) : 0;
        return strike >= b ? strike - b + Put(b) - Put(a) : strike > a ? Put(strike) - Put(a) : 0;
    }
}
