using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>
/// The quotes of one option expiry, by strike, with the forward and discount factor that turn premiums into vols.
/// </summary>
/// <param name="Expiry">Years to expiry; &gt; 0.</param>
/// <param name="Forward">Futures price the options are written on; &gt; 0.</param>
/// <param name="DiscountFactor">Discount factor to the premium payment; &gt; 0.</param>
/// <param name="Quotes">At least three quotes, strikes strictly increasing.</param>
public sealed record ExpiryQuotes(double Expiry, double Forward, double DiscountFactor, IReadOnlyList<StrikeQuote> Quotes)
{
    /// <summary>Whether quotes that are themselves arbitrageable (crossed, call spreads or butterflies worth less than nothing) are
    /// refused (the default); false lets a constrained fit repair them.</summary>
    public bool RejectArbitrageableQuotes { get; init; } = true;

    /// <summary>Relative tolerance of the static-arbitrage checks on the quotes (premium rounding).</summary>
    private const double PriceTolerance = 1e-9;

    /// <summary>
    /// The quotes as (strike, Black vol), after checking them: every field valid, strikes increasing, and the undiscounted
    /// call prices they imply (unless <see cref="RejectArbitrageableQuotes"/> is false) decreasing in strike, no steeper than −1 and convex (no call spread or butterfly bought for
    /// less than nothing). A quote that breaks a check is named "quotes[i]" (or its field).
    /// </summary>
    /// <exception cref="InvalidInputException">"expiry", "forward", "discountFactor", "quotes", "quotes[i]", "quotes[i].strike",
    /// "quotes[i].volatility" or "quotes[i].premium".</exception>
    public ImmutableArray<(double Strike, double Volatility)> ImpliedVolatilities()
    {
        Guard.Positive(Expiry, "expiry");
        Guard.Positive(Forward, "forward");
        Guard.Positive(DiscountFactor, "discountFactor");
        if (Quotes is null || Quotes.Count < 3) Guard.Fail("quotes", $"needs at least 3 quotes to fit a smile, got {Quotes?.Count ?? 0}");
        var result = ImmutableArray.CreateBuilder<(double, double)>(Quotes.Count);
        var calls = new double[Quotes.Count];
        for (int i = 0; i < Quotes.Count; i++)
        {
            var q = Quotes[i] ?? throw new InvalidInputException($"quotes[{i}]", "must not be null");
            double strike = Guard.Positive(q.Strike, $"quotes[{i}].strike");
            if (i > 0 && strike <= Quotes[i - 1].Strike)
                Guard.Fail($"quotes[{i}].strike", $"must be strictly increasing, got {strike} after {Quotes[i - 1].Strike}");
            double vol = Guard.Within($"quotes[{i}]", () => VolatilityOf(q));
            result.Add((strike, vol));
            calls[i] = Black76.Price(OptionType.Call, Forward, strike, Expiry, vol, 1.0);
        }
        if (RejectArbitrageableQuotes) CheckStaticArbitrage(calls);
        return result.MoveToImmutable();
    }

    private double VolatilityOf(StrikeQuote q)
    {
        if (q.Volatility.HasValue == q.Premium.HasValue) Guard.Fail("volatility", "exactly one of volatility and premium must be given");
        if (q.Volatility is { } vol)
        {
            if (!(Guard.Finite(vol, "volatility") > 0)) Guard.Fail("volatility", $"must be greater than zero, got {vol}");
            return vol;
        }
        double premium = Guard.Positive(q.Premium!.Value, "premium");
        double implied;
        try
        {
            implied = Black76.ImpliedVolatility(q.Type, premium, Forward, q.Strike, Expiry, DiscountFactor);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException("premium", e.Reason);
        }
        if (implied <= 0) Guard.Fail("premium", $"carries no time value (intrinsic or below), got {premium}");
        return implied;
    }

    private void CheckStaticArbitrage(double[] calls)
    {
        double tolerance = PriceTolerance * Forward;
        for (int i = 1; i < calls.Length; i++)
        {
            double slope = (calls[i] - calls[i - 1]) / (Quotes[i].Strike - Quotes[i - 1].Strike);
            if (slope > tolerance)
                Guard.Fail($"quotes[{i}]", $"is crossed with quotes[{i - 1}]: the call at the higher strike {Quotes[i].Strike} is worth more ({calls[i]:G6} vs {calls[i - 1]:G6} undiscounted)");
            if (slope < -1 - tolerance)
                Guard.Fail($"quotes[{i}]", $"makes the call spread from strike {Quotes[i - 1].Strike} worth more than the strike difference");
            if (i >= 2)
            {
                double previous = (calls[i - 1] - calls[i - 2]) / (Quotes[i - 1].Strike - Quotes[i - 2].Strike);
                if (slope < previous - tolerance)
                    Guard.Fail($"quotes[{i - 1}]", $"makes the butterfly {Quotes[i - 2].Strike}/{Quotes[i - 1].Strike}/{Quotes[i].Strike} worth less than nothing (call prices not convex in strike)");
            }
        }
    }
}
