using System.Collections.Immutable;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>
/// A delta-quoted smile, as brokers send it: ATM vol, 25-delta (and optionally 10-delta) risk reversals and butterflies.
/// Convention, stated: forward delta with the premium excluded (Δ_call = N(d₁) on the futures price, undiscounted);
/// ATM is the delta-neutral straddle, K = F·exp(σ²T/2); the butterfly is the smile strangle, so the call and put vols at
/// delta D are σ_ATM + BF_D ± RR_D/2 (RR = σ_call − σ_put). Strikes from vols: K = F·exp(∓N⁻¹(D)σ√T + σ²T/2).
/// </summary>
/// <param name="Expiry">Years to expiry; &gt; 0.</param>
/// <param name="Forward">Futures price; &gt; 0.</param>
/// <param name="DiscountFactor">Discount factor; &gt; 0.</param>
/// <param name="AtmVolatility">ATM (delta-neutral straddle) vol.</param>
/// <param name="RiskReversal25">25-delta risk reversal, σ_25c − σ_25p (negative for a put skew).</param>
/// <param name="Butterfly25">25-delta smile-strangle butterfly.</param>
/// <param name="RiskReversal10">10-delta risk reversal, or null.</param>
/// <param name="Butterfly10">10-delta butterfly, or null (both or neither).</param>
public sealed record DeltaQuotes(double Expiry, double Forward, double DiscountFactor, double AtmVolatility,
    double RiskReversal25, double Butterfly25, double? RiskReversal10 = null, double? Butterfly10 = null)
{
    /// <summary>The quotes as vols at strikes, lowest strike first (10Δ put, 25Δ put, ATM, 25Δ call, 10Δ call).</summary>
    /// <exception cref="InvalidInputException">The field whose value is out of range, or "riskReversal25"/"butterfly25"
    /// (and the 10-delta ones) when a wing vol comes out &lt;= 0.</exception>
    public ExpiryQuotes ToExpiryQuotes()
    {
        Guard.Positive(Expiry, "expiry");
        Guard.Positive(Forward, "forward");
        Guard.Positive(DiscountFactor, "discountFactor");
        Guard.Positive(AtmVolatility, "atmVolatility");
        if (RiskReversal10.HasValue != Butterfly10.HasValue) Guard.Fail("butterfly10", "10-delta risk reversal and butterfly come together");
        var quotes = ImmutableArray.CreateBuilder<StrikeQuote>();
        var wings = new List<(double Delta, double Rr, double Bf, string Name)>();
        if (RiskReversal10 is { } rr10) wings.Add((0.10, rr10, Butterfly10!.Value, "10"));
        wings.Add((0.25, RiskReversal25, Butterfly25, "25"));
        foreach (var (delta, rr, bf, name) in wings) quotes.Add(StrikeQuote.Vol(Strike(-1, delta, Wing(-1, rr, bf, name)), Wing(-1, rr, bf, name)));
        quotes.Add(StrikeQuote.Vol(Forward * Math.Exp(0.5 * AtmVolatility * AtmVolatility * Expiry), AtmVolatility));
        for (int i = wings.Count - 1; i >= 0; i--)
        {
            var (delta, rr, bf, name) = wings[i];
            double vol = Wing(+1, rr, bf, name);
            quotes.Add(StrikeQuote.Vol(Strike(+1, delta, vol), vol));
        }
        return new ExpiryQuotes(Expiry, Forward, DiscountFactor, quotes.ToImmutable());
    }

    /// <summary>The call (+1) or put (−1) vol at a delta pillar.</summary>
    private double Wing(int side, double rr, double bf, string delta)
    {
        Guard.Finite(rr, $"riskReversal{delta}");
        Guard.Finite(bf, $"butterfly{delta}");
        double vol = AtmVolatility + bf + side * rr / 2;
        if (!(vol > 0)) Guard.Fail($"riskReversal{delta}", $"with butterfly{delta} gives a {(side > 0 ? "call" : "put")} vol of {vol}");
        return vol;
    }

    /// <summary>The strike whose forward delta (premium excluded) is +delta for a call (side +1) or −delta for a put (side −1).</summary>
    private double Strike(int side, double delta, double vol)
    {
        double sd = vol * Math.Sqrt(Expiry);
        double d1 = side * InverseNormal.Inverse(delta);
        return Forward * Math.Exp(-d1 * sd + 0.5 * sd * sd);
    }
}
