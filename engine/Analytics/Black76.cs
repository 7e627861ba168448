using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Black (1976) closed form for European options on a futures price:
/// call = DF·(F·N(d1) − K·N(d2)), put = DF·(K·N(−d2) − F·N(−d1)),
/// d1 = ln(F/K)/(σ√T) + σ√T/2, d2 = d1 − σ√T.
/// Source: F. Black, "The pricing of commodity contracts", J. Financial Economics 3 (1976) 167–179.
/// Prices are per unit of the underlying, in the currency of <c>forward</c> and <c>strike</c>.
/// </summary>
public static class Black76
{
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>
    /// Present value of a European option on a futures price.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Futures price F for delivery at or after expiry; &gt; 0.</param>
    /// <param name="strike">Strike K, same units as <paramref name="forward"/>; &gt; 0.</param>
    /// <param name="expiry">Time to expiry in years; &gt;= 0.</param>
    /// <param name="volatility">Log-normal volatility per annum (0.45 = 45%); &gt;= 0.</param>
    /// <param name="discountFactor">Discount factor from valuation to payment; &gt; 0.</param>
    /// <returns>Present value; the discounted intrinsic value when expiry or volatility is zero.</returns>
    /// <exception cref="InvalidInputException">An input is non-finite or out of range; Field names it.</exception>
    public static double Price(OptionType type, double forward, double strike, double expiry, double volatility,
        double discountFactor)
    {
        ValidateCommon(forward, strike, expiry, volatility);
        Guard.Positive(discountFactor, "discountFactor");
        return PriceUnchecked(type, forward, strike, volatility * Math.Sqrt(expiry), discountFactor);
    }

    /// <summary>
    /// Price and Greeks with the discount factor exp(−rate·expiry). See <see cref="Black76Greeks"/>
    /// for units and what each sensitivity holds fixed. At expiry or zero volatility gamma is reported
    /// as 0 and delta as the discounted step (half of it exactly at the money).
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Futures price; &gt; 0.</param>
    /// <param name="strike">Strike; &gt; 0.</param>
    /// <param name="expiry">Years to expiry; &gt;= 0.</param>
    /// <param name="volatility">Volatility per annum; &gt;= 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate per annum (0.03 = 3%); finite.</param>
    /// <exception cref="InvalidInputException">An input is non-finite or out of range; Field names it.</exception>
    public static Black76Greeks Greeks(OptionType type, double forward, double strike, double expiry,
        double volatility, double rate)
    {
        ValidateCommon(forward, strike, expiry, volatility);
        Guard.Finite(rate, "rate");
        return GreeksUnchecked(type, forward, strike, expiry, volatility, Math.Exp(-rate * expiry), rate);
    }

    /// <summary>
    /// Black-76 implied volatility: the σ &gt;= 0 for which <see cref="Price"/> returns <paramref name="premiumPerUnit"/>.
    /// Solved on the out-of-the-money side (via put-call parity) by safeguarded Newton steps inside a
    /// bisection bracket, to about 1e-13 in σ√T.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="premiumPerUnit">Present value of the option; must lie in [discounted intrinsic, DF·F) for a
    /// call or [discounted intrinsic, DF·K) for a put.</param>
    /// <param name="forward">Futures price; &gt; 0.</param>
    /// <param name="strike">Strike; &gt; 0.</param>
    /// <param name="expiry">Years to expiry; &gt; 0 (at expiry the price carries no volatility information).</param>
    /// <param name="discountFactor">Discount factor to payment; &gt; 0.</param>
    /// <returns>Volatility per annum; 0 when the time value is below 1e-14·DF·max(F, K) (no information left).</returns>
    /// <exception cref="InvalidInputException">Field "price" when the price is outside the no-arbitrage
    /// bounds; other fields when non-finite or out of range.</exception>
    public static double ImpliedVolatility(OptionType type, double premiumPerUnit, double forward, double strike,
        double expiry, double discountFactor)
    {
        Guard.Positive(forward, "forward");
        Guard.Positive(strike, "strike");
        Guard.Positive(expiry, "expiry");
        Guard.Positive(discountFactor, "discountFactor");
        Guard.Finite(premiumPerUnit, nameof(premiumPerUnit));

        double omega = type == OptionType.Call ? 1.0 : -1.0;
        double lowerBound = discountFactor * Math.Max(omega * (forward - strike), 0.0);
        double upperBound = discountFactor * (type == OptionType.Call ? forward : strike);
        double tolerance = 1e-14 * discountFactor * Math.Max(forward, strike);
        if (premiumPerUnit < lowerBound - tolerance || premiumPerUnit >= upperBound)
            Guard.Fail("premiumPerUnit", $"must lie in the no-arbitrage range [{lowerBound}, {upperBound}), got {premiumPerUnit}");

        // Solve undiscounted on the out-of-the-money side (parity): its value is small and well conditioned.
        double callValue = type == OptionType.Call ? premiumPerUnit / discountFactor : premiumPerUnit / discountFactor + forward - strike;
        bool useCall = forward <= strike;
        OptionType otmType = useCall ? OptionType.Call : OptionType.Put;
        double target = useCall ? callValue : callValue - forward + strike;
        if (target <= tolerance / discountFactor) return 0.0;

        double lo = 0.0, hi = 1.0;
        while (PriceUnchecked(otmType, forward, strike, hi, 1.0) < target)
        {
            lo = hi;
            hi *= 2.0;
            if (hi > 1e3) Guard.Fail("premiumPerUnit", $"implies a volatility beyond any finite bound, got {premiumPerUnit}");
        }

        double logMoneyness = Math.Log(forward / strike);
        double sd = 0.5 * (lo + hi);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double error = PriceUnchecked(otmType, forward, strike, sd, 1.0) - target;
            if (error == 0.0) break;
            if (error > 0) hi = sd; else lo = sd;

            double vegaSd = forward * Density(logMoneyness / sd + 0.5 * sd);
            double next = vegaSd > 0 ? sd - error / vegaSd : double.NaN;
            // Newton only while it stays strictly inside the bracket; bisect otherwise.
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            bool converged = Math.Abs(next - sd) <= 1e-15 * sd || hi - lo <= 1e-15 * hi;
            sd = next;
            if (converged) break;
        }
        return sd / Math.Sqrt(expiry);
    }

    private static double Cdf(double x) => NormalDistribution.Cdf(x);

    private static double Density(double x) => NormalDistribution.Density(x);

    /// <summary>Black-76 price from the total standard deviation σ√T; inputs trusted.</summary>
    internal static double PriceUnchecked(OptionType type, double forward, double strike, double stdDev,
        double discountFactor)
    {
        double omega = type == OptionType.Call ? 1.0 : -1.0;
        if (stdDev == 0.0) return discountFactor * Math.Max(omega * (forward - strike), 0.0);
        double d1 = Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        return discountFactor * omega * (forward * Cdf(omega * d1) - strike * Cdf(omega * d2));
    }

    /// <summary>Price and Greeks with a given discount factor and the rate it implies; inputs trusted.</summary>
    internal static Black76Greeks GreeksUnchecked(OptionType type, double forward, double strike, double expiry,
        double volatility, double discountFactor, double rate)
    {
        double omega = type == OptionType.Call ? 1.0 : -1.0;
        double sqrtT = Math.Sqrt(expiry);
        double stdDev = volatility * sqrtT;
        double price = PriceUnchecked(type, forward, strike, stdDev, discountFactor);
        double rho = -expiry * price;

        if (stdDev == 0.0)
        {
            // Degenerate: the value is the discounted intrinsic; its slope is a step.
            double moneyness = omega * (forward - strike);
            double step = moneyness > 0 ? 1.0 : moneyness < 0 ? 0.0 : 0.5;
            // With σ = 0 and T > 0 the at-the-money value still moves with σ: vega = DF·F·√T·φ(0).
            double vega0 = forward == strike ? discountFactor * forward * sqrtT * InvSqrt2Pi : 0.0;
            return new Black76Greeks(price, omega * step * discountFactor, 0.0, vega0, rate * price, rho);
        }

        double d1 = Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
        double density = Density(d1);
        double delta = omega * discountFactor * Cdf(omega * d1);
        double gamma = discountFactor * density / (forward * stdDev);
        double vega = discountFactor * forward * density * sqrtT;
        // V = e^{-rT}·B(T): dV/dT = −r·V + DF·F·φ(d1)·σ/(2√T); theta is its negative.
        double theta = rate * price - discountFactor * forward * density * volatility / (2.0 * sqrtT);
        return new Black76Greeks(price, delta, gamma, vega, theta, rho);
    }

    private static void ValidateCommon(double forward, double strike, double expiry, double volatility)
    {
        Guard.Positive(forward, "forward");
        Guard.Positive(strike, "strike");
        Guard.NonNegative(expiry, "expiry");
        Guard.NonNegative(volatility, "volatility");
    }
}
