using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// European single-barrier option on an allowance future: a call or put that is knocked in or out when
/// the futures price reaches <paramref name="Barrier"/>. The rebate, per tonne, is paid at expiry: by a
/// knock-out option when it has been knocked out, by a knock-in option when it never knocked in.
/// </summary>
/// <param name="Underlying">Allowance code, e.g. "EUA"; the key of its futures curve and vol surface.</param>
/// <param name="Type">Call or put on the future.</param>
/// <param name="Strike">Strike in currency per tonne; &gt; 0.</param>
/// <param name="Direction">Up (barrier above today's futures price) or down.</param>
/// <param name="Knock">Knock-in or knock-out.</param>
/// <param name="Barrier">Barrier level in currency per tonne; &gt; 0, on the side stated by <paramref name="Direction"/>.</param>
/// <param name="Rebate">Paid at expiry per tonne as described above; &gt;= 0.</param>
/// <param name="Expiry">Exercise date.</param>
/// <param name="FuturesDelivery">Delivery date of the underlying future; on or after <paramref name="Expiry"/>.</param>
/// <param name="LotSize">Tonnes per lot; &gt; 0.</param>
/// <param name="Currency">ISO code of the premium and strike currency.</param>
/// <param name="Monitoring">Continuous or daily observation of the barrier.</param>
public sealed record BarrierOption(
    string Underlying,
    OptionType Type,
    double Strike,
    BarrierDirection Direction,
    BarrierKnock Knock,
    double Barrier,
    double Rebate,
    DateOnly Expiry,
    DateOnly FuturesDelivery,
    double LotSize,
    string Currency,
    BarrierMonitoring Monitoring = BarrierMonitoring.Continuous) : IAllowanceInstrument
{
    /// <summary>Checks the contract terms against <paramref name="valuationDate"/> (the barrier's side is
    /// checked by <see cref="Resolve"/>, when the futures price is known).</summary>
    /// <exception cref="InvalidInputException">"underlying", "currency", "type", "direction", "knock",
    /// "monitoring", "strike", "barrier", "rebate", "lotSize", "expiry" or "futuresDelivery".</exception>
    public void Validate(DateOnly valuationDate)
    {
        ProductChecks.Code(Underlying, "underlying");
        ProductChecks.Code(Currency, "currency");
        if (!Enum.IsDefined(Type)) Guard.Fail("type", $"must be Call or Put, got {(int)Type}");
        if (!Enum.IsDefined(Direction)) Guard.Fail("direction", $"must be Up or Down, got {(int)Direction}");
        if (!Enum.IsDefined(Knock)) Guard.Fail("knock", $"must be In or Out, got {(int)Knock}");
        if (!Enum.IsDefined(Monitoring)) Guard.Fail("monitoring", $"must be Continuous or Daily, got {(int)Monitoring}");
        Guard.Positive(Strike, "strike");
        Guard.Positive(Barrier, "barrier");
        Guard.NonNegative(Rebate, "rebate");
        Guard.Positive(LotSize, "lotSize");
        ProductChecks.ExpiryAndDelivery(Expiry, FuturesDelivery, valuationDate);
    }

    /// <summary>
    /// Pricing-ready form: expiry as an ACT/365F year fraction, the forward from the futures curve at
    /// <see cref="FuturesDelivery"/>, the volatility from the surface at (expiry, strike), the discount
    /// factor to expiry and, for daily monitoring, the year fraction of every weekday after the valuation
    /// date up to expiry.
    /// </summary>
    /// <exception cref="InvalidInputException">From <see cref="Validate"/>; "barrier" when it is not strictly
    /// on its side of the forward (already hit); "market.futures[CODE]" / "market.volatilities[CODE]".</exception>
    public ResolvedBarrierOption Resolve(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        Validate(market.ValuationDate);
        var (expiry, forward, volatility, discountFactor) = ProductChecks.OptionInputs(market, Underlying, FuturesDelivery, Expiry, Strike, Currency);
        double[] monitoringTimes = Monitoring == BarrierMonitoring.Daily && Expiry > market.ValuationDate
            ? FixingSchedule.Generate(market.ValuationDate.AddDays(1), Expiry, FixingFrequency.Daily).Select(market.TimeTo).ToArray()
            : [];
        return new ResolvedBarrierOption(Type, Strike, Direction, Knock, Barrier, Rebate, expiry, forward, volatility,
            discountFactor, LotSize, monitoringTimes) { Delivery = market.TimeTo(FuturesDelivery) };
    }
}
