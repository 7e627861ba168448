using System.Diagnostics;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Engine.Risk.Margin;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;

namespace CarbonDerivatives.Api.Services;

/// <summary>RiskService.Margin: the SPAN-style margin of the book and, when asked, its expected-shortfall margin.</summary>
public sealed partial class RiskGrpcService
{
    public override async Task<MarginResponse> Margin(MarginRequest request, ServerCallContext context)
    {
        var clock = Stopwatch.StartNew();
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        var (span, sources) = MarginRequestMapper.Span(request);
        var es = request.ExpectedShortfall is { } e ? MarginRequestMapper.ExpectedShortfall(e) : null;
        var (margin, shortfall) = await Task.Run(() => (
            RiskFieldPath.Translate(() => SpanMargin.Compute(c.Portfolio, c.Market, c.Fx, span, c.Settings)),
            es is { } x ? MarginRequestMapper.Translate(() => ExpectedShortfallMargin.Compute(c.Portfolio, c.Market, c.Fx, x.History, x.Settings, c.Settings)) : null),
            context.CancellationToken);
        var response = RiskResultMapper.Margin(margin, shortfall, clock.Elapsed.TotalMilliseconds, c.InstrumentPath);
        foreach (var u in response.Underlyings)
        {
            u.Parameters = RiskResultMapper.Scan(span.Underlyings[u.Underlying]);
            u.ParameterSource = sources[u.Underlying];
        }
        return response;
    }
}
