using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// European option on an allowance future (e.g. ICE EUA option: 1 future, exercising into the Dec
/// future). Knows its payoff and how to resolve against a market; not how it is priced.
/// </summary>
/// <param name="Underlying">Allowance code, e.g. "EUA"; the key of its futures curve and vol surface.</param>
/// <param name="Type">Call or put on the future.</param>
/// <param name="Strike">Strike in currency per tonne; &gt; 0.</param>
/// <param name="Expiry">Exercise date.</param>
/// <param name="FuturesDelivery">Delivery date of the underlying future; on or after <paramref name="Expiry"/>.</param>
/// <param name="LotSize">Tonnes per lot (1,000 for one EUA future); &gt; 0.</param>
/// <param name="Currency">ISO code of the premium and strike currency.</param>
public sealed record FuturesOption(
    string Underlying,
    OptionType Type,
    double Strike,
    DateOnly Expiry,
    DateOnly FuturesDelivery,
    double LotSize,
    string Currency) : IAllowanceInstrument
{
    /// <summary>
    /// Payoff of one long lot at expiry when the future trades at <paramref name="futuresPrice"/>:
    /// LotSize·max(ω(F − K), 0), ω = +1 call, −1 put, in <see cref="Currency"/>.
    /// </summary>
    public double Payoff(double futuresPrice)
    {
        Guard.Finite(futuresPrice, "futuresPrice");
        double omega = Type == OptionType.Call ? 1.0 : -1.0;
        return LotSize * Math.Max(omega * (futuresPrice - Strike), 0.0);
    }

    /// <summary>Checks the contract terms against <paramref name="valuationDate"/>.</summary>
    /// <exception cref="InvalidInputException">"underlying", "currency", "type", "strike", "lotSize",
    /// "expiry" (before the valuation date) or "futuresDelivery" (before expiry).</exception>
    public void Validate(DateOnly valuationDate)
    {
        ProductChecks.Code(Underlying, "underlying");
        ProductChecks.Code(Currency, "currency");
        if (!Enum.IsDefined(Type)) Guard.Fail("type", $"must be Call or Put, got {(int)Type}");
        Guard.Positive(Strike, "strike");
        Guard.Positive(LotSize, "lotSize");
        ProductChecks.ExpiryAndDelivery(Expiry, FuturesDelivery, valuationDate);
    }

    /// <summary>
    /// Pricing-ready form: expiry as an ACT/365F year fraction from the market's valuation date, the
    /// forward from the underlying's futures curve at <see cref="FuturesDelivery"/>, the volatility from
    /// its surface at (expiry, strike) and the discount factor to <see cref="Expiry"/> (premium
    /// settlement on exercise date).
    /// </summary>
    /// <exception cref="InvalidInputException">From <see cref="Validate"/>, or "market.futures[CODE]" /
    /// "market.volatilities[CODE]" when the market lacks the underlying.</exception>
    public ResolvedFuturesOption Resolve(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        Validate(market.ValuationDate);
        var (expiry, forward, volatility, discountFactor) = ProductChecks.OptionInputs(market, Underlying, FuturesDelivery, Expiry, Strike, Currency);
        return new ResolvedFuturesOption(Type, Strike, expiry, forward, volatility, discountFactor, LotSize);
    }
}
