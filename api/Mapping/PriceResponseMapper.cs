using CarbonDerivatives.Engine.Pricing;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>The engine's <see cref="Valuation"/> to a PriceResponse: the one place for that direction.</summary>
internal static class PriceResponseMapper
{
    public static Proto.PriceResponse ToProto(string requestId, Valuation valuation, double totalMs, double engineMs)
    {
        var response = new Proto.PriceResponse
        {
            RequestId = requestId,
            Value = valuation.Value,
            StandardError = valuation.StandardError,
            Currency = valuation.Currency,
            Method = valuation.Method,
            Paths = valuation.Paths,
            Timing = new Proto.Timing { TotalMs = totalMs, EngineMs = engineMs },
        };
        if (valuation.Greeks is { } g)
        {
            response.Greeks = new Proto.Greeks
            {
                Delta = Greek(g.Delta), Gamma = Greek(g.Gamma), Vega = Greek(g.Vega), Theta = Greek(g.Theta), Rho = Greek(g.Rho),
            };
        }
        if (valuation.WithoutLimits is { } free)
            response.WithoutLimits = new Proto.LimitFreeValue { Value = free.Value, StandardError = free.StandardError };
        if (valuation.SpreadGreeks is { } s)
        {
            response.SpreadGreeks = new Proto.SpreadGreeks
            {
                Delta1 = RiskResultMapper.Greek(s.Delta1), Delta2 = RiskResultMapper.Greek(s.Delta2),
                Gamma1 = RiskResultMapper.Greek(s.Gamma1), Gamma2 = RiskResultMapper.Greek(s.Gamma2),
                CrossGamma = RiskResultMapper.Greek(s.CrossGamma), Vega1 = RiskResultMapper.Greek(s.Vega1), Vega2 = RiskResultMapper.Greek(s.Vega2),
                Correlation = RiskResultMapper.Greek(s.CorrelationSensitivity),
            };
        }
        return response;
    }

    private static Proto.Greek Greek(GreekFigure figure) =>
        new() { Value = figure.Value, StandardError = figure.StandardError, Method = figure.Method };
}
