using System.Collections.Immutable;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Products;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>Smile surfaces, their quotes and their fit reports between the protos and the engine.</summary>
internal static class SmileMapper
{
    /// <summary>A proto SABR surface as the engine's <see cref="SmileSurface"/>; errors named under <paramref name="path"/> ("...sabr").</summary>
    public static SmileSurface Sabr(Proto.SabrSurface surface, string path)
    {
        var expansion = Expansion(surface.Expansion);
        var slices = surface.Slices.Select((s, i) => FieldPath.Translate($"{path}.slices[{i}]",
            () => (SmileSlice)new SabrSlice(s.Expiry, s.Forward, new SabrParameters(s.Alpha, s.Beta, s.Rho, s.Nu), expansion))).ToArray();
        return FieldPath.Translate(path, () => new SmileSurface(slices));
    }

    /// <summary>A proto SVI surface as the engine's <see cref="SmileSurface"/>.</summary>
    public static SmileSurface Svi(Proto.SviSurface surface, string path)
    {
        var slices = surface.Slices.Select((s, i) => FieldPath.Translate($"{path}.slices[{i}]",
            () => (SmileSlice)new SviSlice(s.Expiry, s.Forward, new SviParameters(s.A, s.B, s.Rho, s.M, s.Sigma)))).ToArray();
        return FieldPath.Translate(path, () => new SmileSurface(slices));
    }

    /// <summary>The engine surface as a proto <see cref="Proto.VolSurface"/> of <paramref name="underlying"/> (all slices of one model).</summary>
    public static Proto.VolSurface ToProto(SmileSurface surface, string underlying)
    {
        var message = new Proto.VolSurface { Underlying = underlying };
        if (surface.Slices[0] is SabrSlice first)
        {
            message.Sabr = new Proto.SabrSurface { Expansion = first.Expansion == SabrExpansion.Obloj2008 ? Proto.SabrExpansion.Obloj2008 : Proto.SabrExpansion.Hagan2002 };
            foreach (SabrSlice s in surface.Slices.Cast<SabrSlice>())
                message.Sabr.Slices.Add(new Proto.SabrSlice
                {
                    Expiry = s.Expiry, Forward = s.Forward, Alpha = s.Parameters.Alpha, Beta = s.Parameters.Beta, Rho = s.Parameters.Rho, Nu = s.Parameters.Nu,
                });
        }
        else
        {
            message.Svi = new Proto.SviSurface();
            foreach (SviSlice s in surface.Slices.Cast<SviSlice>())
                message.Svi.Slices.Add(new Proto.SviSlice
                {
                    Expiry = s.Expiry, Forward = s.Forward, A = s.Parameters.A, B = s.Parameters.B, Rho = s.Parameters.Rho, M = s.Parameters.M, Sigma = s.Parameters.Sigma,
                });
        }
        return message;
    }

    /// <summary>The request's quotes by expiry; a delta-quoted expiry turned into strikes (errors under "expiries[i].delta").</summary>
    public static IReadOnlyList<ExpiryQuotes> Quotes(Proto.CalibrateVolSurfaceRequest request)
    {
        var result = new List<ExpiryQuotes>(request.Expiries.Count);
        for (int i = 0; i < request.Expiries.Count; i++)
        {
            var e = request.Expiries[i];
            string path = $"expiries[{i}]";
            double df = e.DiscountFactor == 0 ? 1 : e.DiscountFactor;
            if (e.Delta is not null && e.Quotes.Count > 0) RpcErrors.ThrowInvalidArgument($"{path}.delta", "give quotes by strike or by delta, not both");
            if (e.Delta is { } d)
            {
                var delta = new DeltaQuotes(e.Expiry, e.Forward, df, d.AtmVolatility, d.RiskReversal25, d.Butterfly25,
                    d.HasRiskReversal10 ? d.RiskReversal10 : null, d.HasButterfly10 ? d.Butterfly10 : null);
                result.Add(FieldPath.Translate(delta.ToExpiryQuotes,
                    field => field is "expiry" or "forward" or "discountFactor" ? $"{path}.{FieldPath.Snake(field)}" : $"{path}.delta.{FieldPath.Snake(field)}"));
                continue;
            }
            var quotes = e.Quotes.Select((q, j) => q.ValueCase switch
            {
                Proto.SmileQuote.ValueOneofCase.Volatility => StrikeQuote.Vol(q.Strike, q.Volatility),
                Proto.SmileQuote.ValueOneofCase.Premium => StrikeQuote.Price(q.Strike, q.Premium, q.Right switch
                {
                    Proto.OptionRight.Call => OptionType.Call,
                    Proto.OptionRight.Put => OptionType.Put,
                    _ => throw RpcErrors.InvalidArgument($"{path}.quotes[{j}].right", "is required for a premium quote: OPTION_RIGHT_CALL or OPTION_RIGHT_PUT"),
                }),
                _ => throw RpcErrors.InvalidArgument($"{path}.quotes[{j}].volatility", "a quote needs a volatility or a premium"),
            }).ToImmutableArray();
            result.Add(new ExpiryQuotes(e.Expiry, e.Forward, df, quotes));
        }
        return result;
    }

    /// <summary>The request's fit settings.</summary>
    public static SmileCalibrationSettings Settings(Proto.CalibrateVolSurfaceRequest request) => new(
        request.Model == Proto.SmileModel.Sabr ? SmileModel.Sabr : SmileModel.Svi,
        request.FitSabrBeta ? null : request.HasSabrBeta ? request.SabrBeta : 1.0,
        Expansion(request.SabrExpansion),
        request.RemoveArbitrage);

    /// <summary>The fit of one expiry as a report.</summary>
    public static Proto.SmileFitReport Report(SmileFit fit, ExpiryQuotes quotes)
    {
        var vols = quotes.ImpliedVolatilities();
        double low = 0.9 * vols[0].Strike, high = 1.1 * vols[^1].Strike;
        var curve = Enumerable.Range(0, 41).Select(i => low + (high - low) * i / 40).ToArray();
        return new Proto.SmileFitReport
        {
            CurveStrikes = { curve }, CurveVolatilities = { curve.Select(fit.Slice.Volatility) },
            Expiry = fit.Slice.Expiry, RmsVolPoints = fit.RmsVolPoints, MaxErrorVolPoints = fit.MaxErrorVolPoints, ConditionNumber = fit.ConditionNumber,
            ParameterNames = { fit.ParameterNames }, Parameters = { fit.Parameters },
            Strikes = { vols.Select(v => v.Strike) }, QuotedVolatilities = { vols.Select(v => v.Volatility) }, ResidualVolPoints = { fit.Residuals },
        };
    }

    /// <summary>An arbitrage check as a report.</summary>
    public static Proto.ArbitrageReport Report(ArbitrageReport report) => new()
    {
        ArbitrageFree = report.IsArbitrageFree, FromLogMoneyness = report.FromLogMoneyness, ToLogMoneyness = report.ToLogMoneyness,
        Violations =
        {
            report.Violations.Select(v => new Proto.ArbitrageViolation
            {
                Kind = v.Kind == ArbitrageKind.Butterfly ? "butterfly" : "calendar", Expiry = v.Expiry, LogMoneyness = v.LogMoneyness, Strike = v.Strike,
                Amount = v.Amount, FromLogMoneyness = v.FromLogMoneyness, ToLogMoneyness = v.ToLogMoneyness,
            }),
        },
    };

    private static SabrExpansion Expansion(Proto.SabrExpansion expansion) =>
        expansion == Proto.SabrExpansion.Obloj2008 ? SabrExpansion.Obloj2008 : SabrExpansion.Hagan2002;
}
