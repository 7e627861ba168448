using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Risk.Margin;
using MathNet.Numerics.Distributions;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>
/// The portfolio (SPAN-style) margin of a book the lab's users would hold with the contract.
/// </summary>
/// <param name="Book">"outright", "calendar spread", "cash and carry", "short call", "delta-hedged short call", "covered call".</param>
/// <param name="Positions">What the book holds, e.g. "long 1 ICE-EUA-FUT Mar-26, short 1 ICE-EUA-FUT Mar-27".</param>
/// <param name="Margin">The book's margin, in the spec's currency.</param>
/// <param name="LegsAlone">The sum of each position's margin held on its own: what the book's offsets save against.</param>
/// <param name="Detail">The underlying's breakdown: scan risk, driving scenario, charges, floor.</param>
public sealed record HedgedMargin(string Book, string Positions, double Margin, double LegsAlone, UnderlyingMargin Detail);

/// <summary>The lab's hedged books and the scan parameters they were margined with.</summary>
/// <param name="Parameters">The scan parameters: <see cref="SpecLabSettings.MarginScan"/>, or the lab's defaults (<see cref="HedgedMargins"/>).</param>
/// <param name="ParameterSource">Where the price scan range came from.</param>
/// <param name="Books">One per book.</param>
public sealed record HedgedMarginReport(ScanParameters Parameters, string ParameterSource, ImmutableArray<HedgedMargin> Books);

/// <summary>
/// Margins the reference lot with its typical hedges: a future alone and in a calendar spread against the next December
/// after it (carbon's benchmark contract: Dec-Dec when the front is a December; the second listed contract when no
/// December is listed); a spot lot alone and against the market's first futures delivery (cash and carry); an option spec's
/// at-the-money call short, delta-hedged with its future, and covered by a whole future. Each book is margined by
/// <see cref="SpanMargin"/> with one set of scan parameters: the settings' own, or by default a price scan of the
/// spec's initial margin (IM / (lot·F₀)) where it states one, else the 99.7% one-sided lognormal move over the
/// horizon at the lot's vol, e^{−s²/2 + s·z} − 1; a vol scan of <see cref="DefaultVolScanRange"/>; no spread charge or floor.
/// </summary>
internal static class HedgedMargins
{
    /// <summary>The default vol scan range: ±5 vol points.</summary>
    public const double DefaultVolScanRange = 0.05;

    /// <summary>The confidence of the default price scan when the spec states no initial margin.</summary>
    public const double DefaultScanConfidence = 0.997;

    /// <summary>Listed contracts searched for the calendar spread's December.</summary>
    private const int MaxContractsSearched = 48;

    public static HedgedMarginReport Compute(ContractSpec spec, ImmutableArray<ListedContract> calendar, IAllowanceInstrument reference, string label,
        double price, double volatility, MarketSnapshot market, RiskSettings risk, SpecLabSettings settings, ContractSpecLibrary library)
    {
        string code = reference.Underlying, currency = spec.Currency!;
        double lot = spec.LotSize;
        var (parameters, source) = Parameters(spec, price, volatility, settings);
        var span = new SpanSettings { Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add(code, parameters) };
        var fx = FxRates.Single(currency);

        // A book whose positions cannot be revalued under the settings' model (their errors are the ladder's) is left out.
        HedgedMargin? Book(string name, params (string Label, IAllowanceInstrument Instrument, double Lots)[] legs)
        {
            Position Leg((string Label, IAllowanceInstrument Instrument, double Lots) leg, int i) =>
                new($"leg{i}", leg.Instrument, Math.Abs(leg.Lots), leg.Lots >= 0 ? PositionSide.Long : PositionSide.Short);
            SpanMarginResult Margin(IEnumerable<Position> positions) => SpanMargin.Compute(new Portfolio(currency, [.. positions]), market, fx, span, risk);
            var book = Margin(legs.Select(Leg));
            if (!book.Errors.IsEmpty || book.Underlyings.Length != 1) return null;
            double alone = legs.Select((leg, i) => Margin([Leg(leg, i)]).Total).Sum();
            string positions = string.Join(", ", legs.Select(l => $"{(l.Lots >= 0 ? "long" : "short")} {Math.Abs(l.Lots):0.###} {l.Label}"));
            return new HedgedMargin(name, positions, book.Total, alone, book.Underlyings.Single());
        }

        var books = new List<HedgedMargin?>();
        string Lot(string text) => text.StartsWith("1 lot ", StringComparison.Ordinal) ? text["1 lot ".Length..] : text;
        switch (reference)
        {
            case FuturesOption call:
                var future = new AllowanceFuture(code, call.FuturesDelivery, lot, currency);
                string futureLabel = $"{code} future {call.FuturesDelivery:yyyy-MM-dd}";
                double hedge = Black76OptionPricer.Greeks(call.Resolve(market)).Delta / lot;
                books.Add(Book("short call", (Lot(label), call, -1)));
                books.Add(Book("delta-hedged short call", (Lot(label), call, -1), (futureLabel, future, hedge)));
                books.Add(Book("covered call", (Lot(label), call, -1), (futureLabel, future, 1)));
                break;
            case AllowanceFuture front when spec.Kind == ContractKind.Spot:
                books.Add(Book("outright", (Lot(label), front, 1)));
                var curve = market.FuturesCurveFor(code);
                if (curve.Deliveries.FirstOrDefault(d => d > market.ValuationDate) is var carry && carry != default)
                    books.Add(Book("cash and carry", (Lot(label), front, 1), ($"{code} future {carry:yyyy-MM-dd}", new AllowanceFuture(code, carry, lot, currency), -1)));
                break;
            case AllowanceFuture front:
                books.Add(Book("outright", (Lot(label), front, 1)));
                var first = calendar[0];
                var next = ListingCalendar.Resolve(spec, market.ValuationDate, MaxContractsSearched, library)
                    .FirstOrDefault(c => c.Month == 12 && c.LastTradingDay > first.LastTradingDay) ?? calendar.ElementAtOrDefault(1);
                if (next is not null)
                    books.Add(Book("calendar spread", (Lot(label), front, 1), (next.Label, new AllowanceFuture(code, next.LastTradingDay, lot, currency), -1)));
                break;
        }
        return new HedgedMarginReport(parameters, source, [.. books.OfType<HedgedMargin>()]);
    }

    private static (ScanParameters Parameters, string Source) Parameters(ContractSpec spec, double price, double volatility, SpecLabSettings settings)
    {
        if (settings.MarginScan is { } given) return (given, "settings");
        if (spec.Kind != ContractKind.Option && spec.Margin?.InitialPerLot is { } im && im < 0.49 * spec.LotSize * price)
            return (new ScanParameters(im / (spec.LotSize * price), DefaultVolScanRange), "the spec's initial margin per lot over the lot's value");
        double s = volatility * Math.Sqrt(settings.HorizonDays / MarginSimulation.TradingDaysPerYear);
        double move = Math.Exp(-s * s / 2 + s * Normal.InvCDF(0, 1, DefaultScanConfidence)) - 1;
        return (new ScanParameters(Math.Min(move, 0.49), DefaultVolScanRange),
            $"the {DefaultScanConfidence:P1} lognormal move over {settings.HorizonDays} day(s) at {volatility:P1} vol");
    }
}
