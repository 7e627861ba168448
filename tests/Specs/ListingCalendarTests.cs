using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Specs;
using Xunit;

namespace CarbonDerivatives.Tests.Specs;

/// <summary>
/// Listing calendars against the exchanges' rules. Expected dates are worked out by hand from the rule
/// text and the real holiday dates (each reasoning in a comment), not taken from the engine.
/// </summary>
public class ListingCalendarTests
{
    private static readonly DateOnly From = new(2026, 1, 1);

    /// <summary>
    /// ICE Endex EUA futures (ice.com/products/197): last Monday of the month, or the penultimate Monday if
    /// that Monday is a UK bank holiday or one falls in the 4 days after it.
    /// </summary>
    [Fact]
    public void Resolve_IceEuaDecember2026To2030_MatchesTheExchangeRule()
    {
        var expected = new Dictionary<int, DateOnly>
        {
            // Dec 2026 Mondays 7, 14, 21, 28; the 26th is a Saturday so Mon 28 is the Boxing Day holiday -> 21st.
            [2026] = new(2026, 12, 21),
            // Dec 2027 Mondays 6, 13, 20, 27; 25/26 fall on Sat/Sun, so Mon 27 and Tue 28 are holidays -> 20th.
            [2027] = new(2027, 12, 20),
            // Dec 2028 Mondays 4, 11, 18, 25; Mon 25 is Christmas Day -> 18th.
            [2028] = new(2028, 12, 18),
            // Dec 2029 Mondays 3, 10, 17, 24, 31; New Year's Day Tue 2030-01-01 is within 4 days of Mon 31 -> 24th.
            [2029] = new(2029, 12, 24),
            // Dec 2030 Mondays 2, 9, 16, 23, 30; New Year's Day Wed 2031-01-01 is within 4 days of Mon 30 -> 23rd.
            [2030] = new(2030, 12, 23),
        };
        var contracts = ListingCalendar.Resolve(ShippedSpecs.Library.Get("ICE-EUA-FUT"), From, 40);

        var decembers = contracts.Where(c => c.Month == 12).ToDictionary(c => c.Year, c => c.LastTradingDay);
        Assert.Equal(expected, decembers);
        // "Contracts will not be listed beyond December 2030."
        Assert.DoesNotContain(contracts, c => c.Year > 2030);
        Assert.Equal(contracts.OrderBy(c => c.LastTradingDay), contracts);
    }

    [Fact]
    public void Resolve_IceEuaOptions_ExpireThreeUkBusinessDaysBeforeTheFuturesMonthOnTheDecemberFuture()
    {
        // Option expiry = 3 UK business days before the futures LTD of the option's month (MARKETS.md), exercising
        // into that year's December future.
        var expected = new Dictionary<(int, int), (DateOnly Expiry, DateOnly Future)>
        {
            // Dec-26 future Mon 2026-12-21; back Fri 18, Thu 17, Wed 16 (MARKETS.md: Wed 2026-12-16).
            [(2026, 12)] = (new(2026, 12, 16), new(2026, 12, 21)),
            // Mar-27: Mondays 1, 8, 15, 22, 29; Mon 29 is Easter Monday -> futures LTD 22nd; back 19, 18, 17.
            [(2027, 3)] = (new(2027, 3, 17), new(2027, 12, 20)),
            // Dec-27 future Mon 20th; back 17, 16, 15.
            [(2027, 12)] = (new(2027, 12, 15), new(2027, 12, 20)),
            // Dec-28 future Mon 18th; back 15, 14, 13.
            [(2028, 12)] = (new(2028, 12, 13), new(2028, 12, 18)),
            // Dec-29 future Mon 24th; back 21, 20, 19.
            [(2029, 12)] = (new(2029, 12, 19), new(2029, 12, 24)),
            // Dec-30 future Mon 23rd; back 20, 19, 18.
            [(2030, 12)] = (new(2030, 12, 18), new(2030, 12, 23)),
        };
        var library = ShippedSpecs.Library;
        var contracts = ListingCalendar.Resolve(library.Get("ICE-EUA-OPT"), From, 40, library);

        foreach (var ((year, month), (expiry, future)) in expected)
        {
            var contract = Assert.Single(contracts, c => c.Year == year && c.Month == month);
            Assert.Equal(expiry, contract.LastTradingDay);
            Assert.Equal(future, contract.UnderlyingLastTradingDay);
            Assert.Equal(ListedContract.Format("ICE-EUA-FUT", year, 12), contract.UnderlyingContract);
        }
        Assert.All(contracts, c => Assert.Contains(c.Month, new[] { 3, 6, 9, 12 }));
    }

    /// <summary>
    /// ICE Futures U.S. CCA: 3 business days before the last business day of the month, the last weekday of
    /// December not counting as a business day. Expected: the exchange's published expiry table of the CCA
    /// Specific Vintage 2028 future (ice.com/products/83047257/.../expiry).
    /// </summary>
    [Theory]
    [InlineData(2025, 12, "2025-12-24")]
    [InlineData(2026, 1, "2026-01-27")]
    [InlineData(2026, 2, "2026-02-24")]
    [InlineData(2026, 3, "2026-03-26")]
    [InlineData(2026, 6, "2026-06-25")]
    [InlineData(2026, 9, "2026-09-25")]
    [InlineData(2026, 12, "2026-12-24")]
    [InlineData(2027, 3, "2027-03-25")] // Good Friday 2027-03-26 is closed
    [InlineData(2027, 6, "2027-06-25")]
    [InlineData(2027, 9, "2027-09-27")]
    [InlineData(2027, 12, "2027-12-27")]
    [InlineData(2028, 3, "2028-03-28")]
    [InlineData(2028, 6, "2028-06-27")]
    [InlineData(2028, 9, "2028-09-26")]
    [InlineData(2028, 12, "2028-12-22")]
    public void LastTradingDay_IceCca_MatchesThePublishedExpiryTable(int year, int month, string expected)
    {
        var spec = ShippedSpecs.Library.Get("ICE-CCA-FUT");
        var date = ExpiryRuleResolver.LastTradingDay(spec.ExpiryRule!, TradingCalendar.For(spec.Calendar!.Value), year, month);
        Assert.Equal(DateOnly.Parse(expected), date);
    }

    /// <summary>England and Wales bank holidays 2026 and 2027 as published on gov.uk/bank-holidays.</summary>
    [Fact]
    public void UnitedKingdomCalendar_Holidays2026And2027_MatchGovUk()
    {
        DateOnly[] govUk =
        [
            new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31),
            new(2026, 12, 25), new(2026, 12, 28),
            new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30),
            new(2027, 12, 27), new(2027, 12, 28),
        ];
        var calendar = TradingCalendar.For(CalendarCode.UnitedKingdom);
        var holidays = Enumerable.Range(0, 730).Select(d => new DateOnly(2026, 1, 1).AddDays(d)).Where(calendar.IsHoliday);
        Assert.Equal(govUk, holidays);
    }

    [Fact]
    public void Resolve_SpotSpec_IsEmpty() =>
        Assert.Empty(ListingCalendar.Resolve(ShippedSpecs.Library.Get("SEEE-CEA"), From, 5));

    [Fact]
    public void Resolve_OptionWithoutLibrary_NamesTheUnderlyingFuture()
    {
        var e = Assert.Throws<CarbonDerivatives.Engine.Validation.InvalidInputException>(() =>
            ListingCalendar.Resolve(ShippedSpecs.Library.Get("ICE-EUA-OPT"), From, 4));
        Assert.Equal("option.underlyingFuture", e.Field);
    }
}
