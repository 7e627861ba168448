using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Engine.Products;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>An engine product (with its contract terms) and what the proto instrument carries beside it: a future's entry price.</summary>
internal sealed record MappedInstrument(IInstrument Instrument, double TradePrice);

/// <summary>Proto instruments to engine products: the one place for that direction.</summary>
internal static class InstrumentMapper
{
    /// <summary>The product; <paramref name="path"/> prefixes field names in errors.</summary>
    public static MappedInstrument ToDomain(Proto.Instrument? instrument, string path) => instrument?.KindCase switch
    {
        Proto.Instrument.KindOneofCase.FuturesOption => FuturesOption(instrument.FuturesOption, $"{path}.futures_option"),
        Proto.Instrument.KindOneofCase.Future => Future(instrument.Future, $"{path}.future"),
        Proto.Instrument.KindOneofCase.AsianOption => new(Asian(instrument.AsianOption, $"{path}.asian_option"), 0),
        Proto.Instrument.KindOneofCase.BarrierOption => new(Barrier(instrument.BarrierOption, $"{path}.barrier_option"), 0),
        Proto.Instrument.KindOneofCase.SpreadOption => new(Spread(instrument.SpreadOption, $"{path}.spread_option"), 0),
        Proto.Instrument.KindOneofCase.Holding => new(Holding(instrument.Holding, $"{path}.holding"), 0),
        Proto.Instrument.KindOneofCase.PermitHolding => new(Permits(instrument.PermitHolding, $"{path}.permit_holding"), 0),
        _ => throw RpcErrors.InvalidArgument(path, "is required: futures_option, future, asian_option, barrier_option, spread_option, holding or permit_holding"),
    };

    /// <summary>The request path of the oneof case set in <paramref name="instrument"/>, e.g. "instrument.asian_option".</summary>
    public static string CasePath(Proto.Instrument? instrument, string path) => instrument?.KindCase switch
    {
        Proto.Instrument.KindOneofCase.Future => $"{path}.future",
        Proto.Instrument.KindOneofCase.AsianOption => $"{path}.asian_option",
        Proto.Instrument.KindOneofCase.BarrierOption => $"{path}.barrier_option",
        Proto.Instrument.KindOneofCase.SpreadOption => $"{path}.spread_option",
        Proto.Instrument.KindOneofCase.Holding => $"{path}.holding",
        Proto.Instrument.KindOneofCase.PermitHolding => $"{path}.permit_holding",
        _ => $"{path}.futures_option",
    };

    /// <summary>A futures option with its exercise and price-limit terms; <paramref name="path"/> names the message.</summary>
    public static MappedInstrument FuturesOption(Proto.FuturesOption? o, string path)
    {
        if (o is null) throw RpcErrors.InvalidArgument(path, "is required");
        var exercise = o.ExerciseStyle switch
        {
            Proto.ExerciseStyle.Unspecified or Proto.ExerciseStyle.European => OptionExercise.European,
            Proto.ExerciseStyle.American => OptionExercise.American,
            Proto.ExerciseStyle.Bermudan => OptionExercise.Bermudan(o.ExerciseDates.Select((d, i) => ProtoDates.Parse(d, $"{path}.exercise_dates[{i}]")).ToArray()),
            _ => throw RpcErrors.InvalidArgument($"{path}.exercise_style", "must be EUROPEAN, AMERICAN or BERMUDAN"),
        };
        if (o.ExerciseStyle != Proto.ExerciseStyle.Bermudan && o.ExerciseDates.Count > 0)
            throw RpcErrors.InvalidArgument($"{path}.exercise_dates", "are for Bermudan options only");
        var option = new FuturesOption(o.Underlying, Right(o.Right, path), o.Strike, ProtoDates.Parse(o.Expiry, $"{path}.expiry"),
            ProtoDates.Parse(o.FuturesDelivery, $"{path}.futures_delivery"), o.LotSize, o.Currency)
        {
            Exercise = exercise,
            PriceLimits = o.PriceLimits is null ? null : PriceLimits(o.PriceLimits, $"{path}.price_limits"),
        };
        return new MappedInstrument(option, 0);
    }

    /// <summary>A daily price limit, checked and named under <paramref name="path"/> (the option's field, or the request's old one).</summary>
    public static DailyPriceLimit PriceLimits(Proto.PriceLimits limits, string path)
    {
        var calendar = limits.Calendar switch
        {
            Proto.TradingCalendar.Unspecified => CalendarCode.WeekendsOnly,
            Proto.TradingCalendar.UnitedKingdom => CalendarCode.UnitedKingdom,
            Proto.TradingCalendar.Target => CalendarCode.Target,
            Proto.TradingCalendar.UnitedStates => CalendarCode.UnitedStates,
            Proto.TradingCalendar.China => CalendarCode.China,
            _ => throw RpcErrors.InvalidArgument($"{path}.calendar", "must be UNITED_KINGDOM, TARGET, UNITED_STATES, CHINA or unspecified (weekdays)"),
        };
        var limit = new DailyPriceLimit(limits.DailyLimit, calendar, limits.TradingDays == 0 ? null : limits.TradingDays);
        FieldPath.Translate(path, () => { limit.Validate(); return 0; });
        return limit;
    }

    private static AllowancePosition Holding(Proto.AllowanceHolding h, string path) => new(h.Underlying, h.Quantity, h.Currency,
        h.ForwardDate.Length == 0 ? null : ProtoDates.Parse(h.ForwardDate, $"{path}.forward_date"), h.ForwardPrice == 0 ? null : h.ForwardPrice,
        h.CarryDelivery.Length == 0 ? null : ProtoDates.Parse(h.CarryDelivery, $"{path}.carry_delivery"), h.ConvenienceYield);

    private static PermitHolding Permits(Proto.PermitHolding h, string path) => new(h.Underlying,
        h.Permit is { } p ? new PollutionPermit(p.Substance, p.AnnualQuantity, p.Vintage, p.ValidityYears, p.Bankable) : null!,
        h.Permits, h.Currency, ProtoDates.Parse(h.PriceDate, $"{path}.price_date"));

    private static MappedInstrument Future(Proto.AllowanceFuture f, string path) =>
        new(new AllowanceFuture(f.Underlying, ProtoDates.Parse(f.Delivery, $"{path}.delivery"), f.LotSize, f.Currency), f.TradePrice);

    private static AsianOption Asian(Proto.AsianOption a, string path)
    {
        var average = a.Average switch
        {
            Proto.AverageKind.Unspecified or Proto.AverageKind.Arithmetic => AverageKind.Arithmetic,
            Proto.AverageKind.Geometric => AverageKind.Geometric,
            _ => throw RpcErrors.InvalidArgument($"{path}.average", "must be ARITHMETIC or GEOMETRIC"),
        };
        return new AsianOption(a.Underlying, Right(a.Right, path), a.Strike, FixingDates(a, path),
            ProtoDates.Parse(a.FuturesDelivery, $"{path}.futures_delivery"), a.LotSize, a.Currency, average, [.. a.PastFixings]);
    }

    /// <summary>The listed fixing dates, or the schedule generated from first_fixing, last_fixing and frequency.</summary>
    private static IReadOnlyList<DateOnly> FixingDates(Proto.AsianOption a, string path)
    {
        if (a.FixingDates.Count > 0)
        {
            if (a.FirstFixing.Length > 0 || a.LastFixing.Length > 0)
                throw RpcErrors.InvalidArgument($"{path}.fixing_dates", "give either fixing_dates or first_fixing/last_fixing/frequency, not both");
            return a.FixingDates.Select((d, i) => ProtoDates.Parse(d, $"{path}.fixing_dates[{i}]")).ToArray();
        }
        var frequency = a.Frequency switch
        {
            Proto.FixingFrequency.Daily => FixingFrequency.Daily,
            Proto.FixingFrequency.Weekly => FixingFrequency.Weekly,
            Proto.FixingFrequency.Monthly => FixingFrequency.Monthly,
            _ => throw RpcErrors.InvalidArgument($"{path}.frequency", "is required with first_fixing/last_fixing (or list fixing_dates): DAILY, WEEKLY or MONTHLY"),
        };
        var first = ProtoDates.Parse(a.FirstFixing, $"{path}.first_fixing");
        var last = ProtoDates.Parse(a.LastFixing, $"{path}.last_fixing");
        if (last < first) throw RpcErrors.InvalidArgument($"{path}.last_fixing", "must not precede first_fixing");
        return FixingSchedule.Generate(first, last, frequency);
    }

    private static BarrierOption Barrier(Proto.BarrierOption b, string path)
    {
        var direction = b.Direction switch
        {
            Proto.BarrierDirection.Up => BarrierDirection.Up,
            Proto.BarrierDirection.Down => BarrierDirection.Down,
            _ => throw RpcErrors.InvalidArgument($"{path}.direction", "must be UP or DOWN"),
        };
        var knock = b.Knock switch
        {
            Proto.BarrierKnock.In => BarrierKnock.In,
            Proto.BarrierKnock.Out => BarrierKnock.Out,
            _ => throw RpcErrors.InvalidArgument($"{path}.knock", "must be IN or OUT"),
        };
        var monitoring = b.Monitoring switch
        {
            Proto.BarrierMonitoring.Unspecified or Proto.BarrierMonitoring.Continuous => BarrierMonitoring.Continuous,
            Proto.BarrierMonitoring.Daily => BarrierMonitoring.Daily,
            _ => throw RpcErrors.InvalidArgument($"{path}.monitoring", "must be CONTINUOUS or DAILY"),
        };
        return new BarrierOption(b.Underlying, Right(b.Right, path), b.Strike, direction, knock, b.Barrier, b.Rebate,
            ProtoDates.Parse(b.Expiry, $"{path}.expiry"), ProtoDates.Parse(b.FuturesDelivery, $"{path}.futures_delivery"), b.LotSize, b.Currency, monitoring);
    }

    private static SpreadOption Spread(Proto.SpreadOption s, string path) => new(Leg(s.Leg1, $"{path}.leg1"), Leg(s.Leg2, $"{path}.leg2"),
        Right(s.Right, path), s.Strike, ProtoDates.Parse(s.Expiry, $"{path}.expiry"), s.LotSize, s.Currency);

    private static SpreadLeg Leg(Proto.SpreadLeg? leg, string path)
    {
        if (leg is null) throw RpcErrors.InvalidArgument(path, "is required");
        return new SpreadLeg(leg.Underlying, ProtoDates.Parse(leg.FuturesDelivery, $"{path}.futures_delivery"),
            leg.Quantity == 0 ? 1 : leg.Quantity, leg.ConversionFactor == 0 ? 1 : leg.ConversionFactor);
    }

    private static OptionType Right(Proto.OptionRight right, string path) => right switch
    {
        Proto.OptionRight.Call => OptionType.Call,
        Proto.OptionRight.Put => OptionType.Put,
        _ => throw RpcErrors.InvalidArgument($"{path}.right", "must be OPTION_RIGHT_CALL or OPTION_RIGHT_PUT"),
    };
}
