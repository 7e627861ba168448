using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// An option on an allowance future (e.g. ICE EUA option: 1 future, exercising into the Dec future), with the
/// contract terms that shape its value: the exercise style and dates, and the daily price limit of the underlying
/// with its trading calendar (China CEA). Knows its payoff and how to resolve against a market; not how it is priced.
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
    /// <summary>European (the default: ICE and EEX EUA options), American or Bermudan exercise.</summary>
    public OptionExercise Exercise { get; init; } = OptionExercise.European;

    /// <summary>The underlying's daily price limit, or null for none.</summary>
    public DailyPriceLimit? PriceLimits { get; init; }

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
        if (Exercise is null) Guard.Fail("exerciseStyle", "must be provided (European by default)");
        if (PriceLimits is { } limits) Guard.Within(nameof(PriceLimits), limits.Validate);
        if (PriceLimits is not null && Exercise.Style != ExerciseStyle.European)
            Guard.Fail(nameof(PriceLimits), "daily price limits are simulated for European options only");
    }

    /// <summary>
    /// Pricing-ready form: expiry and delivery as ACT/365F year fractions from the market's valuation date, the
    /// forward from the underlying's futures curve at <see cref="FuturesDelivery"/>, the volatility from
    /// its surface at (expiry, strike), the discount factor to <see cref="Expiry"/> (premium
    /// settlement on exercise date), the exercise times and the sessions a price limit applies to.
    /// </summary>
    /// <exception cref="InvalidInputException">From <see cref="Validate"/>, or "market.futures[CODE]" /
    /// "market.volatilities[CODE]" when the market lacks the underlying.</exception>
    public ResolvedFuturesOption Resolve(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        Validate(market.ValuationDate);
        var (expiry, forward, volatility, discountFactor) = ProductChecks.OptionInputs(market, Underlying, FuturesDelivery, Expiry, Strike, Currency);
        return new ResolvedFuturesOption(Type, Strike, expiry, forward, volatility, discountFactor, LotSize)
        {
            Delivery = market.TimeTo(FuturesDelivery),
            Exercise = Exercise.Resolve(market, Expiry),
            PriceLimit = PriceLimits is { } limit ? new ResolvedPriceLimit(limit.DailyLimit, limit.Sessions(market.ValuationDate, Expiry)) : null,
        };
    }
}
