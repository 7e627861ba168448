using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// Allowance futures prices by delivery date (e.g. EUA Dec-26 70.76, Dec-27 72.83), in the
/// contract currency per tonne. Between pillars ln F is linear in time (ACT/365F from the valuation
/// date), i.e. the implied carry rate is constant on each segment; outside the pillars the nearest
/// segment's carry rate is extended (a single pillar gives a flat curve).
/// </summary>
public sealed record FuturesCurve
{
    private readonly ImmutableArray<double> _times;
    private readonly ImmutableArray<double> _logPrices;

    /// <summary>Creates the curve from quoted (delivery, price) pairs, in any order.</summary>
    /// <param name="valuationDate">Date the prices are observed.</param>
    /// <param name="quotes">Futures prices by delivery date; positive, finite, deliveries distinct and
    /// after the valuation date.</param>
    /// <exception cref="InvalidInputException">"quotes" when empty; "deliveries[i]" when duplicate or not
    /// after the valuation date; "prices[i]" when not positive and finite (i is the input position).</exception>
    public FuturesCurve(DateOnly valuationDate, IEnumerable<(DateOnly Delivery, double Price)> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var list = quotes.ToList();
        if (list.Count == 0) Guard.Fail("quotes", "must contain at least one futures price");
        var seen = new HashSet<DateOnly>();
        for (int i = 0; i < list.Count; i++)
        {
            Guard.Positive(list[i].Price, $"prices[{i}]");
            if (list[i].Delivery <= valuationDate)
                Guard.Fail($"deliveries[{i}]", $"must be after the valuation date {valuationDate:yyyy-MM-dd}, got {list[i].Delivery:yyyy-MM-dd}");
            if (!seen.Add(list[i].Delivery))
                Guard.Fail($"deliveries[{i}]", $"duplicate delivery {list[i].Delivery:yyyy-MM-dd}");
        }

        var sorted = list.OrderBy(q => q.Delivery).ToList();
        ValuationDate = valuationDate;
        Deliveries = sorted.Select(q => q.Delivery).ToImmutableArray();
        Prices = sorted.Select(q => q.Price).ToImmutableArray();
        _times = Deliveries.Select(d => DayCount.YearFraction(valuationDate, d)).ToImmutableArray();
        _logPrices = Prices.Select(Math.Log).ToImmutableArray();
    }

    /// <summary>Date the prices are observed.</summary>
    public DateOnly ValuationDate { get; }

    /// <summary>Delivery dates of the quoted contracts, increasing.</summary>
    public ImmutableArray<DateOnly> Deliveries { get; }

    /// <summary>Quoted prices, aligned with <see cref="Deliveries"/>.</summary>
    public ImmutableArray<double> Prices { get; }

    /// <summary>
    /// Futures curve from the cost-of-carry relation F(t) = S·exp((r(t) − y)·t), r(t) the zero rate
    /// of <paramref name="rates"/> and y a continuously compounded convenience yield; t by ACT/365F.
    /// </summary>
    /// <param name="spot">Spot allowance price; &gt; 0.</param>
    /// <param name="valuationDate">Valuation date.</param>
    /// <param name="rates">Funding (discount) curve.</param>
    /// <param name="convenienceYield">Convenience yield per annum, continuously compounded; finite.</param>
    /// <param name="deliveries">Delivery dates to quote.</param>
    public static FuturesCurve FromSpot(double spot, DateOnly valuationDate, IDiscountCurve rates,
        double convenienceYield, IEnumerable<DateOnly> deliveries)
    {
        Guard.Positive(spot, "spot");
        Guard.Finite(convenienceYield, "convenienceYield");
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(deliveries);
        var quotes = deliveries.Select(d =>
        {
            double t = DayCount.YearFraction(valuationDate, d);
            // Dates on or before valuation are left for the constructor to reject by name.
            double price = t > 0 ? spot * Math.Exp(-convenienceYield * t) / rates.DiscountFactor(t) : spot;
            return (d, price);
        });
        return new FuturesCurve(valuationDate, quotes);
    }

    /// <summary>As <see cref="FromSpot(double, DateOnly, IDiscountCurve, double, IEnumerable{DateOnly})"/>
    /// with a flat continuously compounded funding rate.</summary>
    public static FuturesCurve FromSpot(double spot, DateOnly valuationDate, double rate, double convenienceYield,
        IEnumerable<DateOnly> deliveries) =>
        FromSpot(spot, valuationDate, new FlatDiscountCurve(rate), convenienceYield, deliveries);

    /// <summary>Futures price for delivery on <paramref name="delivery"/>; quoted deliveries return their quote.</summary>
    /// <exception cref="InvalidInputException">"delivery" when before the valuation date.</exception>
    public double Price(DateOnly delivery)
    {
        if (delivery < ValuationDate)
            Guard.Fail("delivery", $"must not precede the valuation date {ValuationDate:yyyy-MM-dd}, got {delivery:yyyy-MM-dd}");
        int exact = Deliveries.IndexOf(delivery);
        if (exact >= 0) return Prices[exact];
        if (_times.Length == 1) return Prices[0];

        double t = DayCount.YearFraction(ValuationDate, delivery);
        // Segment carry, extended linearly in log-price beyond either end.
        int i = Interpolation.Segment(_times.AsSpan(), t);
        double carry = (_logPrices[i + 1] - _logPrices[i]) / (_times[i + 1] - _times[i]);
        return Math.Exp(_logPrices[i] + carry * (t - _times[i]));
    }
}
