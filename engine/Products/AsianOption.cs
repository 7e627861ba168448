using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// European average-price (Asian) option on an allowance future: pays at the last fixing
/// LotSize·max(ω(A − K), 0), A the arithmetic or geometric average of the futures settlement prices on
/// <paramref name="FixingDates"/>. Fixings on or before the valuation date are already known and are
/// supplied in <paramref name="PastFixings"/>, in date order; they enter the average like the others.
/// </summary>
/// <param name="Underlying">Allowance code, e.g. "EUA"; the key of its futures curve and vol surface.</param>
/// <param name="Type">Call or put on the average.</param>
/// <param name="Strike">Strike in currency per tonne; &gt; 0.</param>
/// <param name="FixingDates">Averaging dates, strictly increasing; the last is expiry and settlement
/// (see <see cref="FixingSchedule"/> to generate them).</param>
/// <param name="FuturesDelivery">Delivery date of the future being averaged; on or after the last fixing.</param>
/// <param name="LotSize">Tonnes per lot; &gt; 0.</param>
/// <param name="Currency">ISO code of the premium and strike currency.</param>
/// <param name="Average">Arithmetic (listed convention) or geometric.</param>
/// <param name="PastFixings">Observed prices of the fixings on or before the valuation date, one per such
/// date, each &gt; 0; null or empty when none has fixed yet.</param>
public sealed record AsianOption(
    string Underlying,
    OptionType Type,
    double Strike,
    IReadOnlyList<DateOnly> FixingDates,
    DateOnly FuturesDelivery,
    double LotSize,
    string Currency,
    AverageKind Average = AverageKind.Arithmetic,
    IReadOnlyList<double>? PastFixings = null) : IAllowanceInstrument
{
    /// <summary>Expiry and settlement date: the last fixing date.</summary>
    public DateOnly Expiry => FixingDates[^1];

    /// <summary>Checks the contract terms against <paramref name="valuationDate"/>.</summary>
    /// <exception cref="InvalidInputException">"underlying", "currency", "type", "average", "strike", "lotSize",
    /// "fixingDates" (empty), "fixingDates[i]" (not after the previous date), "futuresDelivery" (before
    /// expiry), "pastFixings" (count differs from the dates on or before the valuation date) or
    /// "pastFixings[i]" (not a positive finite price).</exception>
    public void Validate(DateOnly valuationDate)
    {
        ProductChecks.Code(Underlying, "underlying");
        ProductChecks.Code(Currency, "currency");
        if (!Enum.IsDefined(Type)) Guard.Fail("type", $"must be Call or Put, got {(int)Type}");
        if (!Enum.IsDefined(Average)) Guard.Fail("average", $"must be Arithmetic or Geometric, got {(int)Average}");
        Guard.Positive(Strike, "strike");
        Guard.Positive(LotSize, "lotSize");
        if (FixingDates is null || FixingDates.Count == 0) Guard.Fail("fixingDates", "must contain at least one date");
        for (int i = 1; i < FixingDates.Count; i++)
            if (FixingDates[i] <= FixingDates[i - 1])
                Guard.Fail($"fixingDates[{i}]", $"must be after the previous fixing {FixingDates[i - 1]:yyyy-MM-dd}, got {FixingDates[i]:yyyy-MM-dd}");
        if (FuturesDelivery < Expiry)
            Guard.Fail("futuresDelivery", $"must not precede the last fixing {Expiry:yyyy-MM-dd}, got {FuturesDelivery:yyyy-MM-dd}");

        int fixedCount = FixingDates.Count(d => d <= valuationDate);
        int supplied = PastFixings?.Count ?? 0;
        if (supplied != fixedCount)
            Guard.Fail("pastFixings", $"must hold one price per fixing date on or before {valuationDate:yyyy-MM-dd} ({fixedCount}), got {supplied}");
        for (int i = 0; i < supplied; i++) Guard.Positive(PastFixings![i], $"pastFixings[{i}]");
    }

    /// <summary>
    /// Pricing-ready form: the remaining fixing dates as ACT/365F year fractions from the market's
    /// valuation date, the forward from the futures curve at <see cref="FuturesDelivery"/>, one volatility
    /// from the surface at (expiry, strike) used for every fixing, and the discount factor to expiry
    /// (settlement on the last fixing date).
    /// </summary>
    /// <exception cref="InvalidInputException">From <see cref="Validate"/>, or "market.futures[CODE]" /
    /// "market.volatilities[CODE]" when the market lacks the underlying.</exception>
    public ResolvedAsianOption Resolve(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        Validate(market.ValuationDate);
        double[] fixingTimes = FixingDates.Where(d => d > market.ValuationDate).Select(market.TimeTo).ToArray();
        double expiry = market.TimeTo(Expiry);
        double forward = market.FuturesCurveFor(Underlying).Price(FuturesDelivery);
        double volatility = market.VolSurfaceFor(Underlying).Volatility(Math.Max(expiry, 0), Strike);
        double discountFactor = market.DiscountFor(Currency).DiscountFactor(Math.Max(expiry, 0));
        return new ResolvedAsianOption(Type, Strike, Average, fixingTimes, PastFixings ?? [], forward, volatility,
            discountFactor, LotSize) { Delivery = market.TimeTo(FuturesDelivery) };
    }
}
