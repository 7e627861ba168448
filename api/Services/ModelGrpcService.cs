using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Security;
using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CarbonDerivatives.Api.Services;

/// <summary>ModelService: dynamics fitted to histories and quotes, and models compared on the same data.</summary>
[Authorize(CarbonRoles.Reader)]
public sealed class ModelGrpcService : ModelService.ModelServiceBase
{
    private const int DefaultRegimes = 3;

    public override Task<CalibrateRegimeSwitchingResponse> CalibrateRegimeSwitching(CalibrateRegimeSwitchingRequest request, ServerCallContext context)
    {
        var fit = FieldPath.Translate("", () => RegimeSwitchingCalibration.FitPrices(request.Prices,
            request.Regimes == 0 ? DefaultRegimes : request.Regimes, PeriodsPerYear(request.PeriodsPerYear), context.CancellationToken));
        return Task.FromResult(new CalibrateRegimeSwitchingResponse
        {
            Model = DynamicsMapper.ToProto(fit.Parameters),
            VolatilityErrors = { fit.VolatilityErrors },
            DriftErrors = { fit.DriftErrors },
            TransitionErrors = { fit.TransitionErrors.Select(DynamicsMapper.Row) },
            LogLikelihood = fit.LogLikelihood,
            Observations = fit.Observations,
            Aic = fit.Aic,
            Bic = fit.Bic,
        });
    }

    public override Task<CalibrateSchwartzResponse> CalibrateSchwartz(CalibrateSchwartzRequest request, ServerCallContext context)
    {
        var fit = FieldPath.Translate("", () => SchwartzCalibration.Fit(request.Prices, PeriodsPerYear(request.PeriodsPerYear)));
        return Task.FromResult(new CalibrateSchwartzResponse
        {
            MeanReversion = fit.MeanReversion, HalfLifeYears = fit.HalfLife, LongRunPrice = fit.LongRunPrice, Volatility = fit.Volatility,
            MeanReversionError = fit.MeanReversionError, LongRunPriceError = fit.LongRunPriceError, VolatilityError = fit.VolatilityError,
            LogLikelihood = fit.LogLikelihood, Observations = fit.Observations,
            Model = new SchwartzModel { MeanReversion = fit.MeanReversion },
        });
    }

    public override Task<CalibrateToOptionQuotesResponse> CalibrateToOptionQuotes(CalibrateToOptionQuotesRequest request, ServerCallContext context)
    {
        var quotes = Quotes(request.Quotes);
        var response = request.Model switch
        {
            QuoteModel.Heston => FieldPath.Translate("", () =>
            {
                var fit = QuoteCalibration.Heston(quotes, context.CancellationToken);
                var reply = Reply(new Model { Heston = DynamicsMapper.ToProto(fit.Parameters) }, 0, fit.RmsVolPoints, fit.MaxVolPoints, fit.ErrorsVolPoints);
                reply.Warnings.AddRange(DynamicsMapper.Warnings(new HestonDynamics(fit.Parameters)));
                return reply;
            }),
            QuoteModel.Merton => FieldPath.Translate("", () =>
            {
                var fit = QuoteCalibration.Merton(quotes, context.CancellationToken);
                var jumps = fit.Parameters.Jumps;
                return Reply(new Model { Merton = new MertonModel { JumpIntensity = jumps.Intensity, JumpMean = jumps.MeanLogJump, JumpVolatility = jumps.LogJumpVolatility } },
                    fit.Parameters.Volatility, fit.RmsVolPoints, fit.MaxVolPoints, fit.ErrorsVolPoints);
            }),
            QuoteModel.Black76 => FieldPath.Translate("", () =>
            {
                var fit = QuoteCalibration.Black76Flat(quotes, context.CancellationToken);
                return Reply(new Model { Black76 = new Black76Model() }, fit.Parameters, fit.RmsVolPoints, fit.MaxVolPoints, fit.ErrorsVolPoints);
            }),
            _ => throw RpcErrors.InvalidArgument("model", "is required: QUOTE_MODEL_HESTON, QUOTE_MODEL_MERTON or QUOTE_MODEL_BLACK76"),
        };
        return Task.FromResult(response);
    }

    public override Task<CompareModelsResponse> CompareModels(CompareModelsRequest request, ServerCallContext context)
    {
        if (request.Prices.Count == 0 && request.Quotes.Count == 0)
            RpcErrors.ThrowInvalidArgument("prices", "a price history, option quotes or both are required");
        var response = new CompareModelsResponse();
        if (request.Prices.Count > 0)
        {
            var rows = FieldPath.Translate("", () => ModelComparison.OnHistory(request.Prices, request.Regimes == 0 ? DefaultRegimes : request.Regimes,
                PeriodsPerYear(request.PeriodsPerYear), context.CancellationToken));
            response.History.AddRange(rows.OrderBy(r => double.IsNaN(r.Aic) ? double.PositiveInfinity : r.Aic).Select(r => new HistoryFit
            {
                Model = r.Model, Parameters = r.Parameters, LogLikelihood = r.LogLikelihood, Aic = r.Aic, Bic = r.Bic, Observations = r.Observations,
                Note = r.Note ?? "",
            }));
        }
        if (request.Quotes.Count > 0)
        {
            var quotes = Quotes(request.Quotes);
            var rows = FieldPath.Translate("", () => ModelComparison.OnSmile(quotes, context.CancellationToken));
            response.Smile.AddRange(rows.OrderBy(r => r.RmsVolPoints).Select(r => new SmileFit
            {
                Model = r.Model, Parameters = r.Parameters, RmsVolPoints = r.RmsVolPoints, MaxVolPoints = r.MaxVolPoints,
            }));
        }
        return Task.FromResult(response);
    }

    private static Engine.Calibration.OptionQuote[] Quotes(IEnumerable<Protos.V1.OptionQuote> quotes) =>
        [.. quotes.Select(q => new Engine.Calibration.OptionQuote(q.ExpiryYears, q.Strike, q.Forward, q.Volatility))];

    private static CalibrateToOptionQuotesResponse Reply(Model model, double volatility, double rms, double max, IEnumerable<double> errors) => new()
    {
        Model = model, Volatility = volatility, RmsVolPoints = rms, MaxVolPoints = max, ErrorsVolPoints = { errors },
    };

    private static double PeriodsPerYear(double value) => value == 0 ? 252 : value;
}
