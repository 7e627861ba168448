using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// European option on the spread between two allowance futures (EUA–UKA, EUA–CCA after FX, or a
/// calendar spread such as EUA Dec-26 vs Dec-27): one long lot pays
/// LotSize·max(ω(w₁F₁(T) − w₂F₂(T) − K), 0) at expiry, ω = +1 call, −1 put, wᵢ = quantity × conversion
/// factor (FX treated as a deterministic conversion). The strike may be zero (an exchange option) or negative.
/// </summary>
/// <param name="Leg1">The long leg.</param>
/// <param name="Leg2">The short leg.</param>
/// <param name="Type">Call or put on the spread.</param>
/// <param name="Strike">K in option currency per unit of spread; any finite number.</param>
/// <param name="Expiry">Exercise date; on or before both deliveries.</param>
/// <param name="LotSize">Units of spread per lot (e.g. 1,000 t); &gt; 0.</param>
/// <param name="Currency">ISO code of the premium and strike currency.</param>
public sealed record SpreadOption(
    SpreadLeg Leg1,
    SpreadLeg Leg2,
    OptionType Type,
    double Strike,
    DateOnly Expiry,
    double LotSize,
    string Currency) : IInstrument
{
    /// <summary>
    /// A calendar spread option: long <paramref name="nearDelivery"/>, short <paramref name="farDelivery"/>
    /// of the same allowance, one unit each (call pays max(F_near − F_far − K, 0)).
    /// </summary>
    public static SpreadOption Calendar(string underlying, DateOnly nearDelivery, DateOnly farDelivery, OptionType type,
        double strike, DateOnly expiry, double lotSize, string currency) =>
        new(new SpreadLeg(underlying, nearDelivery), new SpreadLeg(underlying, farDelivery), type, strike, expiry, lotSize, currency);

    /// <summary>Payoff of one long lot when the futures settle at <paramref name="price1"/> and <paramref name="price2"/>.</summary>
    public double Payoff(double price1, double price2)
    {
        Guard.Finite(price1, "price1");
        Guard.Finite(price2, "price2");
        double omega = Type == OptionType.Call ? 1.0 : -1.0;
        return LotSize * Math.Max(omega * (Leg1.Weight * price1 - Leg2.Weight * price2 - Strike), 0.0);
    }

    /// <summary>Checks the contract terms against <paramref name="valuationDate"/>.</summary>
    /// <exception cref="InvalidInputException">"leg1"/"leg2" (missing), "legN.underlying", "legN.quantity",
    /// "legN.conversionFactor", "legN.futuresDelivery" (before expiry), "type", "strike", "lotSize",
    /// "currency", "expiry" (before the valuation date), or "leg2.futuresDelivery" when both legs are the same future.</exception>
    public void Validate(DateOnly valuationDate)
    {
        CheckLeg(Leg1, "leg1");
        CheckLeg(Leg2, "leg2");
        if (Leg1.Underlying == Leg2.Underlying && Leg1.FuturesDelivery == Leg2.FuturesDelivery)
            Guard.Fail("leg2.futuresDelivery", "a spread needs two different futures (same underlying and delivery as leg1)");
        ProductChecks.Code(Currency, "currency");
        if (!Enum.IsDefined(Type)) Guard.Fail("type", $"must be Call or Put, got {(int)Type}");
        Guard.Finite(Strike, "strike");
        Guard.Positive(LotSize, "lotSize");
        if (Expiry < valuationDate)
            Guard.Fail("expiry", $"must not precede the valuation date {valuationDate:yyyy-MM-dd}, got {Expiry:yyyy-MM-dd}");
    }

    private void CheckLeg(SpreadLeg? leg, string field)
    {
        if (leg is null) Guard.Fail(field, "must be provided");
        ProductChecks.Code(leg.Underlying, $"{field}.underlying");
        Guard.Positive(leg.Quantity, $"{field}.quantity");
        Guard.Positive(leg.ConversionFactor, $"{field}.conversionFactor");
        if (leg.FuturesDelivery < Expiry)
            Guard.Fail($"{field}.futuresDelivery", $"must not precede the option expiry {Expiry:yyyy-MM-dd}, got {leg.FuturesDelivery:yyyy-MM-dd}");
    }

    /// <summary>
    /// Pricing-ready form: expiry as ACT/365F years from the market's valuation date; each leg's forward
    /// from its futures curve at its delivery and its volatility from its surface at (expiry, its own
    /// forward), i.e. at the money; discount factor to <see cref="Expiry"/>.
    /// </summary>
    /// <param name="market">The market snapshot.</param>
    /// <param name="correlation">ρ between the legs' log-returns (market data not held in the snapshot);
    /// for a calendar spread e.g. <see cref="TermStructureCorrelation.Exponential"/>.</param>
    /// <exception cref="InvalidInputException">From <see cref="Validate"/>, "correlation", or the market's
    /// "market.futures[CODE]" / "market.volatilities[CODE]".</exception>
    public ResolvedSpreadOption Resolve(MarketSnapshot market, double correlation)
    {
        ArgumentNullException.ThrowIfNull(market);
        Validate(market.ValuationDate);
        double expiry = market.TimeTo(Expiry);
        return new ResolvedSpreadOption(Type, Strike, expiry, ResolveLeg(Leg1, market, expiry, "leg1"), ResolveLeg(Leg2, market, expiry, "leg2"),
            correlation, market.DiscountFor(Currency).DiscountFactor(expiry), LotSize);
    }

    private static ResolvedSpreadLeg ResolveLeg(SpreadLeg leg, MarketSnapshot market, double expiry, string field)
    {
        double forward = market.FuturesCurveFor(leg.Underlying).Price(leg.FuturesDelivery);
        double volatility = market.VolSurfaceFor(leg.Underlying).Volatility(expiry, forward);
        return new ResolvedSpreadLeg(forward, volatility, leg.Weight, field);
    }
}
