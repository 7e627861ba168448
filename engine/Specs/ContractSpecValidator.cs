using CarbonDerivatives.Engine.Products;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// Checks every field of a <see cref="ContractSpec"/> and reports all problems at once, each with the
/// camelCase path of its field ("lotSize", "tick.value", "expiryRule.weekday",
/// "listing.series[0].months[2]", "option.underlyingFuture", "priceLimits.fraction", "margin.initialPerLot").
/// </summary>
public static partial class ContractSpecValidator
{
    /// <summary>Years, from the first checked one, over which an expiry rule must resolve for every listed month.</summary>
    private const int CheckedYears = 10;

    /// <summary>Relative tolerance of "is a multiple of" and "equals" checks on decimal prices.</summary>
    private const double DecimalTolerance = 1e-9;

    /// <summary>Validates <paramref name="spec"/>.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="firstCheckedYear">The expiry rule must resolve in every listed month of this year and the nine after (the caller's current year).</param>
    /// <param name="findSpec">Looks up another spec by code (an option's underlying future); null skips that check.</param>
    /// <returns>Every problem found; empty when the spec is valid.</returns>
    public static ImmutableArray<SpecError> Validate(ContractSpec spec, int firstCheckedYear, Func<string, ContractSpec?>? findSpec = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new Errors();
        if (spec.SchemaVersion != ContractSpec.CurrentSchemaVersion)
            errors.Add("schemaVersion", $"must be \"{ContractSpec.CurrentSchemaVersion}\", got {Quote(spec.SchemaVersion)}");
        if (spec.Code is null || !CodePattern().IsMatch(spec.Code))
            errors.Add("code", $"must be upper-case letters, digits and '-', starting with a letter or digit, got {Quote(spec.Code)}");
        errors.Text(spec.Name, "name");
        errors.Text(spec.Exchange, "exchange");
        if (spec.Kind is null) errors.Add("kind", "is required: future, option or spot");
        Underlying(spec.Underlying, errors);
        if (spec.Currency is null || !CurrencyPattern().IsMatch(spec.Currency))
            errors.Add("currency", $"must be an ISO 4217 code of three upper-case letters, got {Quote(spec.Currency)}");
        bool lotValid = errors.Positive(spec.LotSize, "lotSize");
        Unit(spec.Unit, errors);
        if (spec.Tick is null && spec.Kind is ContractKind.Future or ContractKind.Option)
            errors.Add("tick", "is required for a listed future or option");
        Tick(spec.Tick, lotValid ? spec.LotSize : null, errors);
        Listing(spec, firstCheckedYear, errors);
        Settlement(spec, errors);
        Limits(spec, errors);
        Option(spec, findSpec, errors);
        Sources(spec.Sources, errors);
        return errors.ToImmutable();
    }

    private static void Underlying(UnderlyingSpec? underlying, Errors errors)
    {
        if (underlying is null)
        {
            errors.Add("underlying", "is required");
            return;
        }
        if (underlying.MarketCode is null || !MarketCodePattern().IsMatch(underlying.MarketCode))
            errors.Add("underlying.marketCode", $"must be upper-case letters and digits (the market snapshot key, e.g. \"EUA\"), got {Quote(underlying.MarketCode)}");
        if (underlying.Type is null) errors.Add("underlying.type", "is required: allowance, offset or dischargePermit");
        errors.Text(underlying.Programme, "underlying.programme");
        errors.Text(underlying.Jurisdiction, "underlying.jurisdiction");
        if (underlying.Vintage is { } vintage && vintage is < 1990 or > 2100)
            errors.Add("underlying.vintage", $"must be a year in [1990, 2100], got {vintage}");
    }

    private static void Unit(QuantityUnit? unit, Errors errors)
    {
        if (unit is null)
        {
            errors.Add("unit", "is required (e.g. {\"mass\": \"tonne\", \"substance\": \"co2e\"})");
            return;
        }
        if (unit.Mass is null) errors.Add("unit.mass", "is required: tonne or shortTon");
        if (unit.Substance is null) errors.Add("unit.substance", "is required: co2e, co2, so2, nox, cod or nh3N");
    }

    private static void Tick(TickSpec? tick, double? lotSize, Errors errors)
    {
        if (tick is null) return;
        bool size = errors.Positive(tick.Size, "tick.size");
        bool value = errors.Positive(tick.Value, "tick.value");
        if (size && value && lotSize is { } lot && !Close(tick.Value, tick.Size * lot))
            errors.Add("tick.value", $"must equal tick.size x lotSize = {tick.Size * lot:G10}, got {tick.Value:G10}");
    }

    private static void Listing(ContractSpec spec, int firstCheckedYear, Errors errors)
    {
        if (spec.Kind == ContractKind.Spot)
        {
            if (spec.Listing is not null) errors.Add("listing", "must be absent for a spot contract (it has no contract months)");
            if (spec.ExpiryRule is not null) errors.Add("expiryRule", "must be absent for a spot contract (it does not expire)");
            return;
        }
        if (spec.Kind is null) return;
        if (spec.Calendar is null) errors.Add("calendar", "is required for a listed contract: unitedKingdom, target, unitedStates, china or weekendsOnly");
        bool listingValid = Cycle(spec.Listing, errors);
        bool ruleValid = Rule(spec.ExpiryRule, spec.Kind == ContractKind.Option, errors);
        // Resolvable: every listed month of the checked years has a last trading day. Options need their
        // future's rule, which the library check resolves (ListingCalendar); here only their own kinds are tried.
        if (listingValid && ruleValid && spec.Calendar is { } code
            && spec.ExpiryRule!.Kind != ExpiryRuleKind.BusinessDaysBeforeUnderlyingExpiry)
        {
            var calendar = TradingCalendar.For(code);
            var months = spec.Listing!.Series.SelectMany(s => s.Months).Distinct().Order().ToArray();
            try
            {
                for (int y = firstCheckedYear; y < firstCheckedYear + CheckedYears; y++)
                    foreach (int m in months) ExpiryRuleResolver.LastTradingDay(spec.ExpiryRule, calendar, y, m);
            }
            catch (InvalidInputException e)
            {
                errors.Add(e.Field, $"the expiry rule cannot be resolved: {e.Reason}");
            }
        }
    }

    private static bool Cycle(ListingCycle? listing, Errors errors)
    {
        if (listing is null)
        {
            errors.Add("listing", "is required for a listed contract");
            return false;
        }
        int before = errors.Count;
        if (listing.Series.IsDefaultOrEmpty) errors.Add("listing.series", "must contain at least one series");
        else
            for (int i = 0; i < listing.Series.Length; i++)
            {
                string path = $"listing.series[{i}]";
                var series = listing.Series[i];
                if (series is null)
                {
                    errors.Add(path, "must not be null");
                    continue;
                }
                if (series.Months.IsDefaultOrEmpty) errors.Add($"{path}.months", "must list at least one month (1-12)");
                else
                    for (int k = 0; k < series.Months.Length; k++)
                    {
                        int m = series.Months[k];
                        if (m is < 1 or > 12) errors.Add($"{path}.months[{k}]", $"must be a month 1-12, got {m}");
                        else if (series.Months.IndexOf(m) < k) errors.Add($"{path}.months[{k}]", $"repeats month {m}");
                    }
                if (series.ContractsListed is { } n && n is < 1 or > 200)
                    errors.Add($"{path}.contractsListed", $"must lie in [1, 200], got {n}");
            }
        if (listing.LastContractMonth is { } last)
        {
            try
            {
                ListingCalendar.ParseMonth(last);
            }
            catch (InvalidInputException e)
            {
                errors.Add(e.Field, e.Reason);
            }
        }
        return errors.Count == before;
    }

    private static bool Rule(ExpiryRule? rule, bool isOption, Errors errors)
    {
        if (rule is null)
        {
            errors.Add("expiryRule", "is required for a listed contract");
            return false;
        }
        int before = errors.Count;
        var kind = rule.Kind;
        if (kind is null) errors.Add("expiryRule.kind", "is required: weekdayOfMonth, businessDaysBeforeLastBusinessDay, businessDaysBeforeUnderlyingExpiry or fixedDayOfMonth");
        bool weekday = kind == ExpiryRuleKind.WeekdayOfMonth;
        bool businessDays = kind is ExpiryRuleKind.BusinessDaysBeforeLastBusinessDay or ExpiryRuleKind.BusinessDaysBeforeUnderlyingExpiry;
        bool fixedDay = kind == ExpiryRuleKind.FixedDayOfMonth;
        if (kind == ExpiryRuleKind.BusinessDaysBeforeUnderlyingExpiry && !isOption)
            errors.Add("expiryRule.kind", "businessDaysBeforeUnderlyingExpiry applies to options only");

        errors.Applies(rule.Weekday is not null, weekday, kind, "expiryRule.weekday");
        errors.Applies(rule.Occurrence is not null, weekday, kind, "expiryRule.occurrence");
        errors.Applies(rule.BusinessDays is not null, businessDays, kind, "expiryRule.businessDays");
        errors.Applies(rule.Day is not null, fixedDay, kind, "expiryRule.day");
        if (!weekday && rule.HolidayWindowDays is not null) errors.Add("expiryRule.holidayWindowDays", $"does not apply to a {kind} rule");
        if (!weekday && rule.FallbackOccurrence is not null) errors.Add("expiryRule.fallbackOccurrence", $"does not apply to a {kind} rule");

        if (rule.Weekday is { } day && (!Enum.IsDefined(day) || day is DayOfWeek.Saturday or DayOfWeek.Sunday))
            errors.Add("expiryRule.weekday", $"must be a weekday monday-friday, got {day}");
        if (rule.Occurrence is { } occurrence && !ValidOccurrence(occurrence))
            errors.Add("expiryRule.occurrence", $"must be 1-5, -1 (last) or -2 (penultimate), got {occurrence}");
        if (weekday && (rule.HolidayWindowDays is null) != (rule.FallbackOccurrence is null))
            errors.Add(rule.HolidayWindowDays is null ? "expiryRule.holidayWindowDays" : "expiryRule.fallbackOccurrence",
                "holidayWindowDays and fallbackOccurrence go together");
        if (rule.HolidayWindowDays is { } window && window is < 0 or > 14)
            errors.Add("expiryRule.holidayWindowDays", $"must lie in [0, 14], got {window}");
        if (rule.FallbackOccurrence is { } fallback && !ValidOccurrence(fallback))
            errors.Add("expiryRule.fallbackOccurrence", $"must be 1-5, -1 (last) or -2 (penultimate), got {fallback}");
        if (rule.BusinessDays is { } count && count is < 0 or > 30)
            errors.Add("expiryRule.businessDays", $"must lie in [0, 30], got {count}");
        if (rule.Day is { } dayOfMonth && dayOfMonth is < 1 or > 31)
            errors.Add("expiryRule.day", $"must lie in [1, 31], got {dayOfMonth}");
        return errors.Count == before;
    }

    private static bool ValidOccurrence(int occurrence) => occurrence is (>= 1 and <= 5) or (-1) or (-2);

    private static void Settlement(ContractSpec spec, Errors errors)
    {
        if (spec.Settlement is not { } settlement)
        {
            errors.Add("settlement", "is required");
            return;
        }
        if (settlement.Type is null) errors.Add("settlement.type", "is required: physical, cash or intoFuture");
        else if (spec.Kind == ContractKind.Option && settlement.Type != SettlementType.IntoFuture)
            errors.Add("settlement.type", $"an option settles intoFuture, got {settlement.Type}");
        else if (spec.Kind is ContractKind.Future or ContractKind.Spot && settlement.Type == SettlementType.IntoFuture)
            errors.Add("settlement.type", "intoFuture applies to options only");
        if (settlement.Type == SettlementType.Physical && string.IsNullOrWhiteSpace(settlement.Registry))
            errors.Add("settlement.registry", "is required for physical delivery (the registry allowances are transferred in)");
        if (settlement.DeliveryBusinessDays is { } days && days is < 0 or > 30)
            errors.Add("settlement.deliveryBusinessDays", $"must lie in [0, 30], got {days}");
    }

    private static void Limits(ContractSpec spec, Errors errors)
    {
        if (spec.PriceLimits is { } limits)
        {
            bool fraction = errors.Fraction(limits.Fraction, "priceLimits.fraction");
            if (limits.BlockFraction is { } block && errors.Fraction(block, "priceLimits.blockFraction") && fraction && block < limits.Fraction)
                errors.Add("priceLimits.blockFraction", $"must not be narrower than priceLimits.fraction {limits.Fraction}, got {block}");
        }
        if (spec.TradingHours is { } hours)
        {
            if (hours.TimeZone is null || !TimeZonePattern().IsMatch(hours.TimeZone))
                errors.Add("tradingHours.timeZone", $"must be an IANA zone such as \"Europe/London\", got {Quote(hours.TimeZone)}");
            var open = errors.Time(hours.Open, "tradingHours.open");
            var close = errors.Time(hours.Close, "tradingHours.close");
            if (open is { } o && close is { } c && c <= o)
                errors.Add("tradingHours.close", $"must be after the open {hours.Open}, got {hours.Close}");
        }
        if (spec.PositionLimits is { } position)
        {
            if (position.SpotMonthLots is <= 0) errors.Add("positionLimits.spotMonthLots", $"must be > 0, got {position.SpotMonthLots}");
            if (position.AllMonthsLots is <= 0) errors.Add("positionLimits.allMonthsLots", $"must be > 0, got {position.AllMonthsLots}");
            if (position.AccountabilityLots is <= 0) errors.Add("positionLimits.accountabilityLots", $"must be > 0, got {position.AccountabilityLots}");
            if (position is { SpotMonthLots: { } spot, AllMonthsLots: { } all } && spot > all)
                errors.Add("positionLimits.spotMonthLots", $"must not exceed allMonthsLots {all}, got {spot}");
        }
        if (spec.Margin is { } margin)
        {
            bool initial = errors.Positive(margin.InitialPerLot, "margin.initialPerLot");
            if (margin.MaintenancePerLot is { } maintenance && errors.Positive(maintenance, "margin.maintenancePerLot")
                && initial && maintenance > margin.InitialPerLot)
                errors.Add("margin.maintenancePerLot", $"must not exceed margin.initialPerLot {margin.InitialPerLot}, got {maintenance}");
        }
    }

    private static void Option(ContractSpec spec, Func<string, ContractSpec?>? findSpec, Errors errors)
    {
        if (spec.Kind != ContractKind.Option)
        {
            if (spec.Option is not null && spec.Kind is not null) errors.Add("option", $"only an option spec has option terms; kind is {spec.Kind}");
            return;
        }
        if (spec.Option is not { } option)
        {
            errors.Add("option", "is required for an option spec");
            return;
        }
        if (string.IsNullOrWhiteSpace(option.UnderlyingFuture)) errors.Add("option.underlyingFuture", "is required");
        else if (findSpec is not null)
        {
            var future = findSpec(option.UnderlyingFuture);
            if (future is null) errors.Add("option.underlyingFuture", $"no spec with code '{option.UnderlyingFuture}' in the library");
            else if (future.Kind != ContractKind.Future)
                errors.Add("option.underlyingFuture", $"'{option.UnderlyingFuture}' is a {future.Kind} spec, not a future");
            else
            {
                if (future.Currency != spec.Currency)
                    errors.Add("currency", $"must be the underlying future's currency {future.Currency}, got {spec.Currency}");
                if (future.Underlying?.MarketCode != spec.Underlying?.MarketCode)
                    errors.Add("underlying.marketCode", $"must be the underlying future's {future.Underlying?.MarketCode}, got {spec.Underlying?.MarketCode}");
            }
        }
        if (option.Style is null) errors.Add("option.style", "is required: european or american");
        if (!Enum.IsDefined(option.UnderlyingMonth)) errors.Add("option.underlyingMonth", $"unknown value {option.UnderlyingMonth}");
        if (option.StrikeListing is { } strikes)
        {
            if (errors.Positive(strikes.Spacing, "option.strikeListing.spacing") && spec.Tick is { Size: > 0 } tick
                && double.IsFinite(tick.Size) && !IsMultiple(strikes.Spacing, tick.Size))
                errors.Add("option.strikeListing.spacing", $"must be a whole number of ticks ({tick.Size:G10}), got {strikes.Spacing:G10}");
            if (strikes.StrikesEachSide is < 1 or > 50)
                errors.Add("option.strikeListing.strikesEachSide", $"must lie in [1, 50], got {strikes.StrikesEachSide}");
        }
    }

    private static void Sources(ImmutableArray<SourceCitation> sources, Errors errors)
    {
        if (sources.IsDefaultOrEmpty)
        {
            errors.Add("sources", "must cite at least one source (title, url, accessed)");
            return;
        }
        for (int i = 0; i < sources.Length; i++)
        {
            if (sources[i] is not { } source)
            {
                errors.Add($"sources[{i}]", "must not be null");
                continue;
            }
            errors.Text(source.Title, $"sources[{i}].title");
            errors.Text(source.Url, $"sources[{i}].url");
            if (source.Accessed is null) errors.Add($"sources[{i}].accessed", "is required: the date the source was read (yyyy-MM-dd)");
        }
    }

    /// <summary>True when <paramref name="value"/> is a whole multiple of <paramref name="step"/> (decimal prices).</summary>
    internal static bool IsMultiple(double value, double step)
    {
        double ratio = value / step;
        return Math.Abs(ratio - Math.Round(ratio)) <= DecimalTolerance * Math.Max(1, Math.Abs(ratio));
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= DecimalTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static string Quote(string? text) => text is null ? "nothing" : $"\"{text}\"";

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]*$")]
    private static partial Regex MarketCodePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Za-z]+(/[A-Za-z_+-]+)+$")]
    private static partial Regex TimeZonePattern();

    /// <summary>The errors found so far, with small checks that add to them.</summary>
    private sealed class Errors
    {
        private readonly ImmutableArray<SpecError>.Builder _list = ImmutableArray.CreateBuilder<SpecError>();

        public int Count => _list.Count;

        public void Add(string path, string message) => _list.Add(new SpecError(path, message));

        public ImmutableArray<SpecError> ToImmutable() => _list.ToImmutable();

        public void Text(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(path, "is required and must not be blank");
        }

        public bool Positive(double value, string path)
        {
            if (double.IsFinite(value) && value > 0) return true;
            Add(path, value == 0 ? "is required and must be greater than zero" : $"must be a finite number greater than zero, got {value}");
            return false;
        }

        public bool Fraction(double value, string path)
        {
            if (double.IsFinite(value) && value > 0 && value < 1) return true;
            Add(path, $"must be a fraction of the price in (0, 1) (0.10 = 10%), got {value}");
            return false;
        }

        public TimeOnly? Time(string? text, string path)
        {
            if (text is not null && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                return time;
            Add(path, $"must be a time \"HH:mm\", got {Quote(text)}");
            return null;
        }

        /// <summary>A field required by some rule kinds and forbidden by the others.</summary>
        public void Applies(bool present, bool required, ExpiryRuleKind? kind, string path)
        {
            if (kind is null) return;
            if (required && !present) Add(path, $"is required by a {kind} rule");
            if (!required && present) Add(path, $"does not apply to a {kind} rule");
        }
    }
}
