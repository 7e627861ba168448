using CarbonDerivatives.Api.Specs;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Specs;
using CarbonDerivatives.Engine.Specs.Lab;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>Engine specs and spec-lab results to proto messages: the one place for that direction.</summary>
internal static class SpecMapper
{
    public static Proto.SpecError Error(SpecError e) => new() { Path = e.Path, Message = e.Message, Line = e.Line ?? 0, Column = e.Column ?? 0 };

    public static Proto.SpecSummary Summary(CatalogSpec s) => new()
    {
        Code = s.Spec.Code ?? "", Name = s.Spec.Name ?? "", Exchange = s.Spec.Exchange ?? "", Kind = Camel(s.Spec.Kind?.ToString()),
        MarketCode = s.Spec.Underlying?.MarketCode ?? "", Currency = s.Spec.Currency ?? "", LotSize = s.Spec.LotSize,
        Origin = s.Source == SpecSource.Library ? Proto.SpecOrigin.Library : Proto.SpecOrigin.Saved,
    };

    public static Proto.ListedContract Contract(ListedContract c) => new()
    {
        Label = c.Label, Year = c.Year, Month = c.Month, LastTradingDay = Date(c.LastTradingDay),
        UnderlyingLastTradingDay = c.UnderlyingLastTradingDay is { } d ? Date(d) : "", UnderlyingContract = c.UnderlyingContract ?? "",
    };

    public static Proto.SpecLabReport Report(SpecLabResult r, double totalMs)
    {
        var ladder = RiskResultMapper.Ladder(r.Ladder, 0, _ => null);
        var stress = RiskResultMapper.Stress(r.Stress, r.Currency, 0, _ => null);
        var report = new Proto.SpecLabReport
        {
            SpecCode = r.SpecCode, ValuationDate = Date(r.ValuationDate), Currency = r.Currency, LotSize = r.LotSize, Unit = r.Unit,
            Instrument = r.Instrument, UnderlyingPrice = r.UnderlyingPrice, Ladder = ladder.Total, Curve = Curve(r.Curve),
            Timing = new Proto.Timing { TotalMs = totalMs },
        };
        report.Calendar.AddRange(r.Calendar.Select(Contract));
        report.Strikes.AddRange(r.Strikes.Select(Strike));
        report.PriceShocks.AddRange(ladder.PriceShocks);
        report.VolShocks.AddRange(ladder.VolShocks);
        report.Stress.AddRange(stress.Results);
        report.Errors.AddRange(ladder.Errors.Concat(stress.Errors));
        if (r.Margin is { } margin) report.Margin = Margin(margin);
        if (r.HistoricalMargin is { } historical) report.HistoricalMargin = Historical(historical);
        report.MarginComparison.AddRange(r.MarginComparison.Select(Comparison));
        report.HedgedMargins = new Proto.HedgedMarginReport
        {
            Parameters = RiskResultMapper.Scan(r.HedgedMargins.Parameters), ParameterSource = r.HedgedMargins.ParameterSource,
            Books =
            {
                r.HedgedMargins.Books.Select(b => new Proto.HedgedMargin
                {
                    Book = b.Book, Positions = b.Positions, Margin = b.Margin, LegsAlone = b.LegsAlone, Detail = RiskResultMapper.UnderlyingMargin(b.Detail),
                }),
            },
        };
        return report;
    }

    private static Proto.HistoricalMargin Historical(HistoricalMargin h)
    {
        var message = new Proto.HistoricalMargin { Windows = h.Windows, WorstLossLong = h.WorstLossLong, WorstLossShort = h.WorstLossShort };
        if (h.CoverageLong is { } coverageLong) message.CoverageLong = coverageLong;
        if (h.CoverageShort is { } coverageShort) message.CoverageShort = coverageShort;
        if (h.CoverageEitherSide is { } either) message.CoverageEitherSide = either;
        if (h.CoverageEitherSideWithLimits is { } limited) message.CoverageEitherSideWithLimits = limited;
        message.MarginNeeded.AddRange(h.MarginNeeded.Select(n => new Proto.HistoricalMarginNeed
        {
            Confidence = n.Confidence, LongSide = n.Long, ShortSide = n.Short, EitherSide = n.EitherSide,
        }));
        return message;
    }

    private static Proto.StrikeQuote Strike(StrikeQuote q)
    {
        static Proto.Greek Analytic(double value) => new() { Value = value, Method = "analytic" };
        var g = q.Greeks;
        return new Proto.StrikeQuote
        {
            Contract = q.Contract, Expiry = Date(q.Expiry), Right = q.Type == OptionType.Call ? Proto.OptionRight.Call : Proto.OptionRight.Put,
            Strike = q.Strike, Forward = q.Forward, Volatility = q.Volatility, Price = g.Price,
            Greeks = new Proto.Greeks { Delta = Analytic(g.Delta), Gamma = Analytic(g.Gamma), Vega = Analytic(g.Vega), Theta = Analytic(g.Theta), Rho = Analytic(g.Rho) },
        };
    }

    private static Proto.ValueCurve Curve(ValueCurve c) => new()
    {
        Instrument = c.Instrument, Prices = { c.Prices }, Value = { c.Value }, Delta = { c.Delta }, Gamma = { c.Gamma }, Vega = { c.Vega },
    };

    private static Proto.MarginAdequacy Margin(MarginAdequacy m)
    {
        var message = new Proto.MarginAdequacy
        {
            Model = m.Model, Price = m.Price, Volatility = m.Volatility, HorizonDays = m.HorizonDays, Paths = m.Paths, Seed = m.Seed,
            Histogram = new Proto.PnlHistogram { BinEdges = { m.Histogram.BinEdges }, Counts = { m.Histogram.Counts } },
        };
        if (m.Coverage is { } c) message.Coverage = Coverage(c);
        foreach (var need in m.MarginNeeded)
        {
            var item = new Proto.MarginNeed
            {
                Confidence = need.Confidence, LongSide = need.Long, ShortSide = need.Short, EitherSide = need.EitherSide,
                LongSideClosedForm = need.LongClosedForm, ShortSideClosedForm = need.ShortClosedForm,
            };
            if (need.EitherSideWithLimits is { } capped) item.EitherSideWithLimits = capped;
            message.MarginNeeded.Add(item);
        }
        if (m.PriceLimit is { } limit) message.PriceLimit = Limit(limit);
        return message;
    }

    private static Proto.MarginComparison Comparison(MarginComparison row)
    {
        var terms = new Proto.MarginTerms();
        if (row.Terms.InitialMarginPerLot is { } margin) terms.InitialMarginPerLot = margin;
        if (row.Terms.LimitFraction is { } fraction) terms.LimitFraction = fraction;
        return new Proto.MarginComparison
        {
            Terms = terms, FromSpec = row.FromSpec, Coverage = row.Coverage is { } c ? Coverage(c) : null,
            PriceLimit = row.PriceLimit is { } l ? Limit(l) : null, Historical = row.Historical is { } h ? Historical(h) : null,
        };
    }

    private static Proto.MarginCoverage Coverage(MarginCoverage c) => new()
    {
        InitialMarginPerLot = c.InitialMarginPerLot, LongSide = Probability(c.Long), ShortSide = Probability(c.Short),
        EitherSide = Probability(c.EitherSide), LongSideClosedForm = c.LongClosedForm, ShortSideClosedForm = c.ShortClosedForm,
        EitherSideClosedForm = c.EitherSideClosedForm, EitherSideWithLimits = c.EitherSideWithLimits is { } p ? Probability(p) : null,
    };

    private static Proto.PriceLimitEffect Limit(PriceLimitEffect limit) => new()
    {
        Fraction = limit.Fraction, MaxLossPerLot = limit.MaxLossPerLot, ProbabilityLimitHit = Probability(limit.ProbabilityLimitHit),
        ProbabilityLimitHitClosedForm = limit.ProbabilityLimitHitClosedForm,
    };

    private static Proto.Probability Probability(Probability p) => new() { Value = p.Value, StandardError = p.StandardError };

    private static string Camel(string? name) => string.IsNullOrEmpty(name) ? "" : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Date(DateOnly date) => ProtoDates.Text(date);
}
