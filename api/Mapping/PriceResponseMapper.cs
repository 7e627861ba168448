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
            Backend = valuation.Backend ?? "",
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
        if (valuation.SpreadGreeks is { } s) response.SpreadGreeks = RiskResultMapper.SpreadGreeks(s);
        return response;
    }

    private static Proto.Greek Greek(Engine.Numerics.GreekEstimate g) => RiskResultMapper.Greek(g);
}
