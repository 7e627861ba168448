using System.Collections.Immutable;
using CarbonDerivatives.Engine.Specs;
using Xunit;

namespace CarbonDerivatives.Tests.Specs;

/// <summary>Broken specs, one per rule, each rejected with the path of its field; malformed JSON with line and column.</summary>
public class ContractSpecValidationTests
{
    private static ContractSpec Future => ShippedSpecs.Library.Get("ICE-EUA-FUT");
    private static ContractSpec OptionSpec => ShippedSpecs.Library.Get("ICE-EUA-OPT");
    private static ContractSpec Spot => ShippedSpecs.Library.Get("SEEE-CEA");

    private static readonly ExpiryRule LastMonday = new(ExpiryRuleKind.WeekdayOfMonth, DayOfWeek.Monday, -1);

    public static TheoryData<string, Func<ContractSpec>, string> BrokenSpecs => new()
    {
        { "schema version", () => Future with { SchemaVersion = "carbon-spec/0" }, "schemaVersion" },
        { "code", () => Future with { Code = "ice eua" }, "code" },
        { "name", () => Future with { Name = " " }, "name" },
        { "kind", () => Future with { Kind = null }, "kind" },
        { "underlying", () => Future with { Underlying = null }, "underlying" },
        { "market code", () => Future with { Underlying = Future.Underlying! with { MarketCode = "eua" } }, "underlying.marketCode" },
        { "vintage", () => Future with { Underlying = Future.Underlying! with { Vintage = 1850 } }, "underlying.vintage" },
        { "currency", () => Future with { Currency = "euro" }, "currency" },
        { "lot size", () => Future with { LotSize = -1000 }, "lotSize" },
        { "unit", () => Future with { Unit = Future.Unit! with { Substance = null } }, "unit.substance" },
        { "tick missing", () => Future with { Tick = null }, "tick" },
        { "tick size", () => Future with { Tick = new TickSpec(0, 10) }, "tick.size" },
        { "tick value", () => Future with { Tick = new TickSpec(0.01, 1) }, "tick.value" },
        { "calendar", () => Future with { Calendar = null }, "calendar" },
        { "listing", () => Future with { Listing = null }, "listing" },
        { "listing month", () => Future with { Listing = new ListingCycle([new ListingSeries([3, 13])]) }, "listing.series[0].months[1]" },
        { "listing repeat", () => Future with { Listing = new ListingCycle([new ListingSeries([12, 12])]) }, "listing.series[0].months[1]" },
        { "listing count", () => Future with { Listing = new ListingCycle([new ListingSeries([12], 0)]) }, "listing.series[0].contractsListed" },
        { "last month", () => Future with { Listing = Future.Listing! with { LastContractMonth = "Dec-30" } }, "listing.lastContractMonth" },
        { "expiry rule", () => Future with { ExpiryRule = null }, "expiryRule" },
        { "weekday missing", () => Future with { ExpiryRule = LastMonday with { Weekday = null } }, "expiryRule.weekday" },
        { "weekday weekend", () => Future with { ExpiryRule = LastMonday with { Weekday = DayOfWeek.Sunday } }, "expiryRule.weekday" },
        { "occurrence", () => Future with { ExpiryRule = LastMonday with { Occurrence = 0 } }, "expiryRule.occurrence" },
        { "unresolvable", () => Future with { ExpiryRule = LastMonday with { Occurrence = 5 } }, "expiryRule.occurrence" },
        { "fallback alone", () => Future with { ExpiryRule = LastMonday with { HolidayWindowDays = 4 } }, "expiryRule.fallbackOccurrence" },
        { "foreign field", () => Future with { ExpiryRule = LastMonday with { BusinessDays = 3 } }, "expiryRule.businessDays" },
        { "day", () => Future with { ExpiryRule = new ExpiryRule(ExpiryRuleKind.FixedDayOfMonth, Day: 32) }, "expiryRule.day" },
        { "short month", () => Future with { ExpiryRule = new ExpiryRule(ExpiryRuleKind.FixedDayOfMonth, Day: 31) }, "expiryRule.day" },
        { "future on underlying expiry", () => Future with { ExpiryRule = new ExpiryRule(ExpiryRuleKind.BusinessDaysBeforeUnderlyingExpiry, BusinessDays: 3) }, "expiryRule.kind" },
        { "settlement", () => Future with { Settlement = null }, "settlement" },
        { "registry", () => Future with { Settlement = new SettlementSpec(SettlementType.Physical) }, "settlement.registry" },
        { "price limit", () => Spot with { PriceLimits = new PriceLimitSpec(1.5) }, "priceLimits.fraction" },
        { "block limit", () => Spot with { PriceLimits = new PriceLimitSpec(0.10, 0.05) }, "priceLimits.blockFraction" },
        { "hours", () => Future with { TradingHours = new TradingHoursSpec("Europe/London", "17:00", "07:00") }, "tradingHours.close" },
        { "time zone", () => Future with { TradingHours = new TradingHoursSpec("London", "07:00", "17:00") }, "tradingHours.timeZone" },
        { "position limit", () => Future with { PositionLimits = new PositionLimitSpec(AllMonthsLots: -5) }, "positionLimits.allMonthsLots" },
        { "initial margin", () => Future with { Margin = new MarginSpec(0) }, "margin.initialPerLot" },
        { "maintenance margin", () => Future with { Margin = new MarginSpec(10_000, 12_000) }, "margin.maintenancePerLot" },
        { "spot with expiry", () => Spot with { ExpiryRule = LastMonday }, "expiryRule" },
        { "option terms on a future", () => Future with { Option = OptionSpec.Option }, "option" },
        { "option without terms", () => OptionSpec with { Option = null }, "option" },
        { "option underlying missing", () => OptionSpec with { Option = OptionSpec.Option! with { UnderlyingFuture = "NO-SUCH" } }, "option.underlyingFuture" },
        { "option on a spot", () => OptionSpec with { Option = OptionSpec.Option! with { UnderlyingFuture = "SEEE-CEA" } }, "option.underlyingFuture" },
        { "option style", () => OptionSpec with { Option = OptionSpec.Option! with { Style = null } }, "option.style" },
        { "strike spacing off the tick grid", () => OptionSpec with { Option = OptionSpec.Option! with { StrikeListing = new StrikeListingRule(0.505, 5) } }, "option.strikeListing.spacing" },
        { "strikes each side", () => OptionSpec with { Option = OptionSpec.Option! with { StrikeListing = new StrikeListingRule(0.5, 0) } }, "option.strikeListing.strikesEachSide" },
        { "option currency", () => OptionSpec with { Currency = "GBP" }, "currency" },
        { "option settlement", () => OptionSpec with { Settlement = new SettlementSpec(SettlementType.Cash) }, "settlement.type" },
        { "sources", () => Future with { Sources = [] }, "sources" },
        { "source date", () => Future with { Sources = [new SourceCitation("ICE", "https://www.ice.com", null)] }, "sources[0].accessed" },
    };

    [Theory]
    [MemberData(nameof(BrokenSpecs))]
    public void Validate_BrokenSpec_ReportsTheFieldPath(string rule, Func<ContractSpec> broken, string path)
    {
        var errors = ShippedSpecs.Library.Validate(broken());
        Assert.True(errors.Length > 0, $"{rule}: no error");
        Assert.True(errors.All(e => e.Path == path), $"{rule}: expected only {path}, got {string.Join("; ", errors)}");
    }

    [Fact]
    public void Validate_SeveralBrokenFields_ReportsThemAllAtOnce()
    {
        var broken = Future with { LotSize = 0, Currency = "eur", ExpiryRule = LastMonday with { Weekday = null }, Margin = new MarginSpec(-1) };
        var paths = ShippedSpecs.Library.Validate(broken).Select(e => e.Path).ToImmutableSortedSet();
        Assert.Equal(["currency", "expiryRule.weekday", "lotSize", "margin.initialPerLot"], paths);
    }

    [Fact]
    public void Read_MalformedJson_GivesLineAndColumn()
    {
        // Line 3 is `  "lotSize": ,`: the reader stops at the comma, byte 13 of the line (0-based) -> column 14.
        var read = ContractSpecJson.Read("{\n  \"code\": \"X\",\n  \"lotSize\": ,\n}");
        Assert.Null(read.Spec);
        var error = Assert.Single(read.Errors);
        Assert.Equal((3L, 14L), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Read_WrongTypeOrUnknownField_GivesThePath()
    {
        var wrongType = Assert.Single(ContractSpecJson.Read("{\"tick\": {\"size\": \"one cent\"}}").Errors);
        Assert.Equal("tick.size", wrongType.Path);
        var unknownEnum = Assert.Single(ContractSpecJson.Read("{\"kind\": \"swap\"}").Errors);
        Assert.Equal("kind", unknownEnum.Path);
        var unknown = Assert.Single(ContractSpecJson.Read("{\n \"lotsize\": 1000\n}").Errors);
        Assert.Equal(2L, unknown.Line);
    }
}
