using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>VaR and expected shortfall at one confidence level, as positive losses in the reporting currency.</summary>
/// <param name="Confidence">e.g. 0.99.</param>
/// <param name="ValueAtRisk">The loss exceeded with probability 1 − confidence (the ⌈n(1−α)⌉-th largest loss).</param>
/// <param name="ValueAtRiskStandardError">Monte Carlo: SE from 20 independent batches; historical simulation: the
/// moving-block bootstrap SE of the estimate over 200 resamples (fixed seed), the sampling error of the history's length.</param>
/// <param name="ExpectedShortfall">Mean of the ⌈n(1−α)⌉ largest losses; &gt;= VaR.</param>
/// <param name="ExpectedShortfallStandardError">As for VaR.</param>
public sealed record VarFigure(double Confidence, double ValueAtRisk, double ValueAtRiskStandardError, double ExpectedShortfall,
    double ExpectedShortfallStandardError);

/// <summary>VaR/ES of a portfolio over a horizon.</summary>
/// <param name="HorizonDays">Horizon in trading days.</param>
/// <param name="Method">Revaluation method.</param>
/// <param name="Scenarios">Scenarios (MC draws or historical windows).</param>
/// <param name="Figures">One per confidence level, in input order.</param>
/// <param name="MeanProfitAndLoss">Mean scenario P&amp;L.</param>
/// <param name="Errors">Positions left out, with why.</param>
public sealed record VarResult(int HorizonDays, VarMethod Method, int Scenarios, ImmutableArray<VarFigure> Figures, double MeanProfitAndLoss,
    ImmutableArray<PositionError> Errors);
