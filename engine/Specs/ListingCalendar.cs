using CarbonDerivatives.Engine.Products;
using System.Collections.Immutable;
using System.Globalization;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// Resolves a spec's listing cycle and expiry rule into the actual contracts listed from a date.
/// </summary>
public static class ListingCalendar
{
    /// <summary>How far ahead months are searched, in years.</summary>
    private const int HorizonYears = 30;

    /// <summary>
    /// The next <paramref name="count"/> contracts of <paramref name="spec"/> still trading on
    /// <paramref name="fromDate"/> (last trading day on or after it), in order of last trading day: the
    /// union of the listing series, each taking at most its <see cref="ListingSeries.ContractsListed"/>
    /// months, none after <see cref="ListingCycle.LastContractMonth"/>. Empty for a spot spec.
    /// </summary>
    /// <param name="spec">A validated spec.</param>
    /// <param name="fromDate">First day considered.</param>
    /// <param name="count">Contracts wanted; 1–1,000.</param>
    /// <param name="library">Where an option's underlying future is looked up (its expiry rule gives the
    /// option's underlying delivery and, for some rules, the option expiry); not needed for futures.</param>
    /// <exception cref="InvalidInputException">"count"; "listing", "expiryRule" or "calendar" when the spec lacks
    /// them; "option.underlyingFuture" when an option's future is not in <paramref name="library"/>.</exception>
    public static ImmutableArray<ListedContract> Resolve(ContractSpec spec, DateOnly fromDate, int count,
        ContractSpecLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Guard.InRange(count, 1, 1000, "count");
        if (spec.Kind == ContractKind.Spot) return [];
        var (listing, rule, calendar) = Terms(spec);
        string code = spec.Code ?? "?";

        Func<int, int, DateOnly>? underlyingExpiry = null;
        ContractSpec? future = null;
        if (spec.Kind == ContractKind.Option)
        {
            future = UnderlyingFuture(spec, library);
            var (_, futureRule, futureCalendar) = Terms(future);
            underlyingExpiry = (y, m) => ExpiryRuleResolver.LastTradingDay(futureRule, futureCalendar, y, m);
        }
        DateOnly Expiry(int y, int m) => ExpiryRuleResolver.LastTradingDay(rule, calendar, y, m, underlyingExpiry);

        int lastMonthIndex = listing.LastContractMonth is { } last ? MonthIndex(ParseMonth(last)) : int.MaxValue;
        var months = new SortedSet<int>();
        foreach (var series in listing.Series)
        {
            int limit = Math.Min(series.ContractsListed ?? count, count), taken = 0;
            for (int index = MonthIndex((fromDate.Year, fromDate.Month)); taken < limit && index <= lastMonthIndex
                 && index < MonthIndex((fromDate.Year + HorizonYears, 12)); index++)
            {
                var (y, m) = FromIndex(index);
                if (!series.Months.Contains(m) || Expiry(y, m) < fromDate) continue;
                months.Add(index);
                taken++;
            }
        }

        var contracts = ImmutableArray.CreateBuilder<ListedContract>();
        foreach (int index in months.Take(count))
        {
            var (y, m) = FromIndex(index);
            if (future is null)
            {
                contracts.Add(new ListedContract(code, y, m, Expiry(y, m)));
                continue;
            }
            int futureMonth = spec.Option!.UnderlyingMonth == UnderlyingMonth.DecemberOfSameYear ? 12 : m;
            contracts.Add(new ListedContract(code, y, m, Expiry(y, m), underlyingExpiry!(y, futureMonth),
                ListedContract.Format(future.Code!, y, futureMonth)));
        }
        return contracts.ToImmutable();
    }

    /// <summary>Parses a contract month "yyyy-MM".</summary>
    internal static (int Year, int Month) ParseMonth(string text)
    {
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            Guard.Fail("listing.lastContractMonth", $"must be a month \"yyyy-MM\", got \"{text}\"");
        return (d.Year, d.Month);
    }

    private static (ListingCycle, ExpiryRule, TradingCalendar) Terms(ContractSpec spec)
    {
        if (spec.Listing is null || spec.Listing.Series.IsDefaultOrEmpty) Guard.Fail("listing", "is required for a listed contract");
        if (spec.ExpiryRule is null) Guard.Fail("expiryRule", "is required for a listed contract");
        if (spec.Calendar is null) Guard.Fail("calendar", "is required for a listed contract");
        return (spec.Listing, spec.ExpiryRule, TradingCalendar.For(spec.Calendar.Value));
    }

    private static ContractSpec UnderlyingFuture(ContractSpec option, ContractSpecLibrary? library)
    {
        string? code = option.Option?.UnderlyingFuture;
        ContractSpec? future = null;
        if (code is null || library is null || !library.TryGet(code, out future))
            Guard.Fail("option.underlyingFuture", $"the underlying future '{code}' is not in the spec library");
        return future!;
    }

    private static int MonthIndex((int Year, int Month) month) => month.Year * 12 + month.Month - 1;

    private static (int Year, int Month) FromIndex(int index) => (index / 12, index % 12 + 1);
}
