using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>
/// How a contract would behave before it lists: for a spec and a market snapshot, the listing calendar,
/// Black-76 prices and Greeks of the listed strikes (options), a scenario ladder and a stress table of one
/// lot (<see cref="ScenarioLadder"/>, <see cref="StressTester"/>), value and Greeks against the underlying
/// price, and margin adequacy (<see cref="MarginSimulation"/>). Every amount is per lot in the spec's currency.
/// </summary>
public static class SpecLab
{
    /// <summary>Runs the lab.</summary>
    /// <param name="spec">The spec; validated against <paramref name="library"/> first.</param>
    /// <param name="market">Market snapshot with a futures curve and vol surface for the spec's market code.</param>
    /// <param name="settings">What to compute.</param>
    /// <param name="library">Specs an option's underlying future is looked up in.</param>
    /// <param name="cancellation">Stops the margin simulation and the ladder.</param>
    /// <exception cref="InvalidInputException">"spec.PATH" for the first validation error of the spec (validate first with
    /// <see cref="ContractSpecLibrary.Validate"/> to get them all); "settings.*"; "market.futures[CODE]" or
    /// "market.volatilities[CODE]" when the market lacks the underlying.</exception>
    public static SpecLabResult Run(ContractSpec spec, MarketSnapshot market, SpecLabSettings settings, ContractSpecLibrary library,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(library);
        settings.Validate();
        var errors = library.Validate(spec);
        if (!errors.IsEmpty) Guard.Fail($"spec.{errors[0].Path}", $"{errors[0].Message} ({errors.Length} error(s) in all)");

        string code = spec.Underlying!.MarketCode!, currency = spec.Currency!;
        double lot = spec.LotSize;
        var calendar = ListingCalendar.Resolve(spec, market.ValuationDate, settings.Contracts, library);
        if (spec.Kind != ContractKind.Spot && calendar.IsEmpty)
            Guard.Fail("spec.listing", $"no contract of the spec is still trading on {market.ValuationDate:yyyy-MM-dd}");
        var curve = market.FuturesCurveFor(code);
        var surface = market.VolSurfaceFor(code);

        var strikes = ImmutableArray<StrikeQuote>.Empty;
        IAllowanceInstrument instrument;
        string label;
        DateOnly delivery;
        if (spec.Kind == ContractKind.Option)
        {
            strikes = StrikeQuotes(spec, calendar.Take(settings.PricedOptionContracts), market, settings);
            var front = calendar[0];
            delivery = front.UnderlyingLastTradingDay!.Value;
            double atm = AtTheMoney(curve.Price(delivery), Spacing(spec, settings));
            instrument = new FuturesOption(code, OptionType.Call, atm, front.LastTradingDay, delivery, lot, currency);
            label = $"1 lot {front.Label} call {atm:G}";
        }
        else
        {
            delivery = spec.Kind == ContractKind.Spot ? market.ValuationDate : calendar[0].LastTradingDay;
            instrument = new AllowanceFuture(code, delivery, lot, currency);
            label = spec.Kind == ContractKind.Spot ? $"1 lot {spec.Code} spot" : $"1 lot {calendar[0].Label}";
        }
        double price = curve.Price(delivery);

        var portfolio = new Portfolio(currency, [new Position("lab", instrument, 1, PositionSide.Long)]);
        var fx = FxRates.Single(currency);
        var risk = new RiskSettings
        {
            Models = settings.Model is Pricing.Black76Dynamics ? ImmutableDictionary<string, Pricing.ValuationModel>.Empty
                : ImmutableDictionary<string, Pricing.ValuationModel>.Empty.Add(code, settings.Model),
        };
        var ladder = ScenarioLadder.Run(portfolio, market, fx, settings.PriceShocks, settings.VolShocks, risk, cancellation: cancellation);
        var stress = StressTester.Run(portfolio, market, fx, Stresses(settings, code), risk, cancellation);
        var valueCurve = Curve(instrument, label, price, market, settings);

        MarginAdequacy? margin = null;
        HistoricalMargin? historical = null;
        var comparison = ImmutableArray<MarginComparison>.Empty;
        double years = Math.Max(market.TimeTo(delivery), settings.HorizonDays / MarginSimulation.TradingDaysPerYear);
        double referenceVol = instrument is FuturesOption call ? call.Resolve(market).Volatility : surface.Volatility(years, price);
        if (spec.Kind != ContractKind.Option)
        {
            var own = new MarginTerms(spec.Margin?.InitialPerLot, spec.PriceLimits?.Fraction);
            HistoricalMargin? History(MarginTerms terms) => settings.HistoricalLogReturns.IsDefaultOrEmpty ? null
                : HistoricalMargin.Compute(settings.HistoricalLogReturns, price, lot, settings.HorizonDays, terms.InitialMarginPerLot, terms.LimitFraction,
                    settings.Confidences);
            historical = History(own);
            var simulated = MarginSimulation.Simulate(price, referenceVol, years, lot, settings, cancellation);
            margin = MarginSimulation.Read(simulated, own, settings);
            if (!settings.MarginAlternatives.IsDefaultOrEmpty)
                comparison = [new MarginComparison(own, FromSpec: true, margin.Coverage, margin.PriceLimit, historical),
                    .. settings.MarginAlternatives.Select(terms =>
                    {
                        var (coverage, limit) = MarginSimulation.Cover(simulated, terms);
                        return new MarginComparison(terms, FromSpec: false, coverage, limit, History(terms));
                    })];
        }
        var hedged = HedgedMargins.Compute(spec, calendar, instrument, label, price, referenceVol, market, risk, settings, library);
        return new SpecLabResult(spec.Code!, market.ValuationDate, currency, lot, spec.Unit!.ToString(), calendar, label, price, strikes,
            ladder, stress, valueCurve, margin, historical, comparison, hedged);
    }

    private static double Spacing(ContractSpec spec, SpecLabSettings settings) =>
        spec.Option?.StrikeListing?.Spacing ?? settings.DefaultStrikeSpacing;

    /// <summary>The futures price rounded to the nearest multiple of the strike spacing (at least one spacing).</summary>
    private static double AtTheMoney(double forward, double spacing) => Math.Max(Math.Round(forward / spacing), 1) * spacing;

    private static ImmutableArray<StrikeQuote> StrikeQuotes(ContractSpec spec, IEnumerable<ListedContract> contracts, MarketSnapshot market,
        SpecLabSettings settings)
    {
        string code = spec.Underlying!.MarketCode!;
        double spacing = Spacing(spec, settings);
        int each = settings.StrikesEachSide ?? spec.Option?.StrikeListing?.StrikesEachSide ?? settings.DefaultStrikesEachSide;
        var quotes = ImmutableArray.CreateBuilder<StrikeQuote>();
        foreach (var contract in contracts)
        {
            var delivery = contract.UnderlyingLastTradingDay!.Value;
            double atm = AtTheMoney(market.FuturesCurveFor(code).Price(delivery), spacing);
            for (int k = -each; k <= each; k++)
            {
                double strike = atm + k * spacing;
                if (strike <= 0) continue;
                foreach (var type in new[] { OptionType.Call, OptionType.Put })
                {
                    var resolved = new FuturesOption(code, type, strike, contract.LastTradingDay, delivery, spec.LotSize, spec.Currency!)
                        .Resolve(market);
                    quotes.Add(new StrikeQuote(contract.Label, contract.LastTradingDay, type, strike, resolved.Forward, resolved.Volatility,
                        Black76OptionPricer.Greeks(resolved)));
                }
            }
        }
        return quotes.ToImmutable();
    }

    /// <summary>The catalogue's scenarios on this underlying; when it has none, its EUA moves replayed on it.</summary>
    private static IEnumerable<StressScenario> Stresses(SpecLabSettings settings, string code)
    {
        if (settings.Stresses is { } given) return given;
        var own = StressCatalogue.Historical.Where(s => s.PriceShocks.ContainsKey(code)).ToList();
        if (own.Count > 0) return own;
        return StressCatalogue.Historical.Where(s => s.PriceShocks.ContainsKey("EUA")).Select(s => s with
        {
            Name = $"{s.Name} (EUA move on {code})",
            PriceShocks = ImmutableDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal).Add(code, s.PriceShocks["EUA"]),
        });
    }

    private static ValueCurve Curve(IAllowanceInstrument instrument, string label, double price, MarketSnapshot market, SpecLabSettings settings)
    {
        int n = settings.CurvePoints;
        var prices = Enumerable.Range(0, n).Select(i => price * (0.5 + (double)i / (n - 1))).ToImmutableArray();
        if (instrument is FuturesOption option)
        {
            var resolved = option.Resolve(market);
            var greeks = prices.Select(f => Black76OptionPricer.Greeks(new ResolvedFuturesOption(resolved.Type, resolved.Strike, resolved.Expiry,
                f, resolved.Volatility, resolved.DiscountFactor, resolved.LotSize))).ToArray();
            return new ValueCurve(label, prices, [.. greeks.Select(g => g.Price)], [.. greeks.Select(g => g.Delta)],
                [.. greeks.Select(g => g.Gamma)], [.. greeks.Select(g => g.Vega)]);
        }
        double lot = instrument.LotSize;
        return new ValueCurve(label, prices, [.. prices.Select(f => lot * (f - price))], [.. prices.Select(_ => lot)],
            [.. prices.Select(_ => 0.0)], [.. prices.Select(_ => 0.0)]);
    }
}
