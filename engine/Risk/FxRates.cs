using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// FX market data: the value of one unit of each currency in a base currency (e.g. base EUR: GBP 1.17,
/// USD 0.92, CNY 0.127). The base itself is 1. Converting from a to b multiplies by rate(a)/rate(b).
/// </summary>
public sealed record FxRates
{
    /// <summary>Creates the rates.</summary>
    /// <param name="baseCurrency">ISO code the rates are quoted in.</param>
    /// <param name="unitsOfBase">Units of <paramref name="baseCurrency"/> per one unit of each currency; &gt; 0.</param>
    /// <exception cref="InvalidInputException">"reportingCurrency" when blank; "fx[CCY]" when a rate is not positive and finite.</exception>
    public FxRates(string baseCurrency, IEnumerable<KeyValuePair<string, double>>? unitsOfBase = null)
    {
        if (string.IsNullOrWhiteSpace(baseCurrency)) Guard.Fail("reportingCurrency", "must not be empty");
        var rates = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (currency, rate) in unitsOfBase ?? [])
            rates[currency] = Guard.Positive(rate, $"fxRates[{currency}]");
        rates[baseCurrency] = 1.0;
        BaseCurrency = baseCurrency;
        UnitsOfBase = rates.ToImmutable();
    }

    /// <summary>Only one currency: every conversion into it is the identity.</summary>
    public static FxRates Single(string currency) => new(currency);

    /// <summary>ISO code of the base currency.</summary>
    public string BaseCurrency { get; }

    /// <summary>Units of the base currency per one unit of each currency.</summary>
    public ImmutableDictionary<string, double> UnitsOfBase { get; }

    /// <summary>Units of <paramref name="to"/> per one unit of <paramref name="from"/>.</summary>
    /// <exception cref="InvalidInputException">"fx[CCY]" when either currency has no rate.</exception>
    public double Rate(string from, string to)
    {
        if (string.Equals(from, to, StringComparison.Ordinal)) return 1.0;
        return Lookup(from) / Lookup(to);
    }

    private double Lookup(string currency)
    {
        if (!UnitsOfBase.TryGetValue(currency, out double rate))
            Guard.Fail($"fxRates[{currency}]", $"no FX rate for {currency} (rates are quoted in {BaseCurrency})");
        return rate;
    }
}
