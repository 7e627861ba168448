using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>A Monte Carlo probability with its binomial standard error √(p(1−p)/n).</summary>
public sealed record Probability(double Value, double StandardError);

/// <summary>Initial margin per lot needed to cover the one-day loss with probability <paramref name="Confidence"/>.</summary>
/// <param name="Confidence">e.g. 0.99, 0.997.</param>
/// <param name="Long">Loss quantile of a long lot (simulated).</param>
/// <param name="Short">Loss quantile of a short lot (simulated).</param>
/// <param name="EitherSide">Quantile of |P&amp;L| of a lot: covers long and short alike (simulated).</param>
/// <param name="LongClosedForm">Lognormal closed form of <paramref name="Long"/> at the same volatility (no jumps).</param>
/// <param name="ShortClosedForm">Lognormal closed form of <paramref name="Short"/>.</param>
/// <param name="EitherSideWithLimits">Quantile of |P&amp;L| when the day's move is capped at the price limit; null without limits.</param>
public sealed record MarginNeed(double Confidence, double Long, double Short, double EitherSide, double LongClosedForm,
    double ShortClosedForm, double? EitherSideWithLimits);

/// <summary>Coverage of the initial margin: probabilities that one day's loss of a lot does not exceed it.</summary>
/// <param name="InitialMarginPerLot">The spec's initial margin per lot.</param>
/// <param name="Long">P(loss of a long lot ≤ IM), simulated.</param>
/// <param name="Short">P(loss of a short lot ≤ IM), simulated.</param>
/// <param name="EitherSide">P(|P&amp;L| ≤ IM), simulated.</param>
/// <param name="LongClosedForm">Lognormal closed form of <paramref name="Long"/>: Φ((−ln(1 − m/F₀) − s²/2)/s), m = IM/lot, s = σ√h.</param>
/// <param name="ShortClosedForm">Lognormal closed form of <paramref name="Short"/>: Φ((ln(1 + m/F₀) + s²/2)/s).</param>
/// <param name="EitherSideClosedForm">LongClosedForm + ShortClosedForm − 1.</param>
/// <param name="EitherSideWithLimits">P(|capped P&amp;L| ≤ IM) when moves stop at the price limit; null without limits.</param>
public sealed record MarginCoverage(double InitialMarginPerLot, Probability Long, Probability Short, Probability EitherSide,
    double LongClosedForm, double ShortClosedForm, double EitherSideClosedForm, Probability? EitherSideWithLimits);

/// <summary>Effect of a daily price limit of ±f on one day's P&amp;L of a lot.</summary>
/// <param name="Fraction">f.</param>
/// <param name="MaxLossPerLot">f·F₀·lot: no day's settlement loss can exceed it (the rest waits for later days).</param>
/// <param name="ProbabilityLimitHit">P(|F₁/F₀ − 1| ≥ f), simulated: a day that ends limit-locked.</param>
/// <param name="ProbabilityLimitHitClosedForm">Lognormal closed form: Φ((ln(1−f)+s²/2)/s) + 1 − Φ((ln(1+f)+s²/2)/s).</param>
public sealed record PriceLimitEffect(double Fraction, double MaxLossPerLot, Probability ProbabilityLimitHit, double ProbabilityLimitHitClosedForm);

/// <summary>Histogram of simulated one-day P&amp;L of a long lot (currency), for a plot.</summary>
/// <param name="BinEdges">Bin edges, ascending; one more than <paramref name="Counts"/>.</param>
/// <param name="Counts">Paths per bin (the last bin includes its upper edge).</param>
public sealed record ProfitAndLossHistogram(ImmutableArray<double> BinEdges, ImmutableArray<long> Counts);

/// <summary>
/// Margin adequacy of a futures or spot lot: simulated one-day P&amp;L per lot under the model against the
/// initial margin, the margin needed at each confidence, and the effect of price limits.
/// </summary>
/// <param name="Model">"lognormal" or "merton".</param>
/// <param name="Price">F₀, currency per unit.</param>
/// <param name="Volatility">σ per annum (the diffusion vol with jumps).</param>
/// <param name="HorizonDays">Trading days of the horizon h (years = days / 252).</param>
/// <param name="Paths">Paths simulated.</param>
/// <param name="Seed">Seed used.</param>
/// <param name="Coverage">Coverage of the spec's initial margin; null when the spec states none.</param>
/// <param name="MarginNeeded">Margin needed at each confidence.</param>
/// <param name="PriceLimit">Effect of the spec's price limit; null when it has none.</param>
/// <param name="Histogram">P&amp;L histogram of a long lot.</param>
public sealed record MarginAdequacy(string Model, double Price, double Volatility, int HorizonDays, long Paths, ulong Seed,
    MarginCoverage? Coverage, ImmutableArray<MarginNeed> MarginNeeded, PriceLimitEffect? PriceLimit, ProfitAndLossHistogram Histogram);
