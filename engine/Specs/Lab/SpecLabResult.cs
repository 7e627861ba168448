using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>Black-76 price and Greeks of one listed strike, per lot in the spec's currency.</summary>
/// <param name="Contract">Option contract label, e.g. "ICE-EUA-OPT Dec-26".</param>
/// <param name="Expiry">Option expiry.</param>
/// <param name="Type">Call or put.</param>
/// <param name="Strike">Strike per unit.</param>
/// <param name="Forward">Futures price of the underlying contract.</param>
/// <param name="Volatility">Black vol from the market's surface at (expiry, strike).</param>
/// <param name="Greeks">Price and Greeks per lot (units in <see cref="Black76Greeks"/>: delta in currency per
/// unit move of the futures price, vega per 1.00 of vol, theta per year).</param>
public sealed record StrikeQuote(string Contract, DateOnly Expiry, OptionType Type, double Strike, double Forward, double Volatility,
    Black76Greeks Greeks);

/// <summary>Value and Greeks of one lot of the lab's reference instrument against the underlying price, for plots.</summary>
/// <param name="Instrument">What is valued, e.g. "1 lot ICE-EUA-OPT Dec-26 call 71".</param>
/// <param name="Prices">Underlying futures prices F₀·(1 + x).</param>
/// <param name="Value">Value per lot (futures and spot: lot·(F − F₀)).</param>
/// <param name="Delta">dValue/dF per lot.</param>
/// <param name="Gamma">d²Value/dF² per lot.</param>
/// <param name="Vega">dValue/dσ per lot, per 1.00 of vol.</param>
public sealed record ValueCurve(string Instrument, ImmutableArray<double> Prices, ImmutableArray<double> Value,
    ImmutableArray<double> Delta, ImmutableArray<double> Gamma, ImmutableArray<double> Vega);

/// <summary>
/// Everything the spec lab computed for one spec and market: plain data for JSON, tables and plots.
/// </summary>
/// <param name="SpecCode">Code of the spec.</param>
/// <param name="ValuationDate">The market's valuation date.</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="LotSize">Units per lot.</param>
/// <param name="Unit">Unit text, e.g. "t CO2e".</param>
/// <param name="Calendar">Next listed contracts (empty for spot).</param>
/// <param name="Instrument">The reference lot of the ladder, stress table, curves and margin: the front future
/// (spot: the spot contract), or for an option spec the at-the-money call of the front option month.</param>
/// <param name="UnderlyingPrice">F₀ of the reference lot's underlying.</param>
/// <param name="Strikes">Option specs: the listed strikes of the first contracts, calls and puts.</param>
/// <param name="Ladder">P&amp;L of the reference lot, price shocks × vol shocks.</param>
/// <param name="Stress">P&amp;L of the reference lot under the stress scenarios.</param>
/// <param name="Curve">Value and Greeks against the underlying price.</param>
/// <param name="Margin">Margin adequacy (futures and spot specs); null for options.</param>
/// <param name="HistoricalMargin">The margin back-test on <see cref="SpecLabSettings.HistoricalLogReturns"/> (futures and spot specs); null without returns.</param>
/// <param name="MarginComparison">With <see cref="SpecLabSettings.MarginAlternatives"/>: the spec's own margin and limit, then each
/// alternative, read on the same paths and history; empty otherwise.</param>
/// <param name="HedgedMargins">The portfolio margin of the reference lot alone and with its typical hedges.</param>
public sealed record SpecLabResult(string SpecCode, DateOnly ValuationDate, string Currency, double LotSize, string Unit,
    ImmutableArray<ListedContract> Calendar, string Instrument, double UnderlyingPrice, ImmutableArray<StrikeQuote> Strikes,
    ScenarioLadderResult Ladder, StressReport Stress, ValueCurve Curve, MarginAdequacy? Margin, HistoricalMargin? HistoricalMargin,
    ImmutableArray<MarginComparison> MarginComparison, HedgedMarginReport HedgedMargins);
