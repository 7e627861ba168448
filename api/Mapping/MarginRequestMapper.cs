using System.Globalization;
using System.Collections.Immutable;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Risk.Margin;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>The engine inputs of a Margin request's expected_shortfall.</summary>
internal sealed record ExpectedShortfallInputs(ExpectedShortfallMarginSettings Settings, ReturnHistory History);

/// <summary>A Margin request's own parts to engine inputs: the SPAN-style settings and the optional ES margin with its history.</summary>
internal static class MarginRequestMapper
{
    /// <summary>
    /// The scan parameters (<see cref="Scan"/>; those of a series in scan_calibration calibrated from it), the spread table,
    /// and where each underlying's parameters came from.
    /// </summary>
    public static (SpanSettings Settings, IReadOnlyDictionary<string, string> Sources) Span(Proto.MarginRequest request)
    {
        var underlyings = request.Underlyings.ToDictionary(u => u.Key, u => Scan(u.Value), StringComparer.Ordinal);
        var sources = underlyings.Keys.ToDictionary(k => k, _ => "request", StringComparer.Ordinal);
        if (request.ScanCalibration is { } calibration) Calibrate(request, calibration, underlyings, sources);
        return (new SpanSettings
        {
            Underlyings = underlyings.ToImmutableDictionary(StringComparer.Ordinal),
            InterCommoditySpreads = [.. request.InterCommoditySpreads.Select(s => new InterCommoditySpread(s.Underlying1, s.Underlying2, s.Tonnes1, s.Tonnes2, s.CreditRate))],
        }, sources);
    }

    private static void Calibrate(Proto.MarginRequest request, Proto.ScanCalibration calibration, Dictionary<string, ScanParameters> underlyings,
        Dictionary<string, string> sources)
    {
        const string path = "scan_calibration";
        double quantile = calibration.Quantile == 0 ? 0.99 : calibration.Quantile;
        int horizon = calibration.HorizonDays == 0 ? 2 : calibration.HorizonDays, window = calibration.VolWindow == 0 ? 20 : calibration.VolWindow;
        var calibrated = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < calibration.Returns.Count; k++)
        {
            var series = calibration.Returns[k];
            string code = series.Underlying, at = $"{path}.returns[{k}]";
            if (code.Length == 0) throw RpcErrors.InvalidArgument($"{at}.underlying", "is required");
            if (!calibrated.Add(code)) throw RpcErrors.InvalidArgument($"{at}.underlying", $"{code} has a series already");
            if (request.Underlyings.TryGetValue(code, out var given) && given.PriceScanRange != 0)
                throw RpcErrors.InvalidArgument($"{at}.underlying", $"underlyings[{code}] states a price_scan_range: give it or a series to calibrate it from, not both");
            var template = underlyings.TryGetValue(code, out var stated) ? stated : new ScanParameters(0.1);
            underlyings[code] = FieldPath.Translate(() => ScanRangeCalibration.Calibrate(template, [.. series.LogReturns], horizon, quantile, window), field => field switch
            {
                "horizonDays" => $"{path}.horizon_days",
                "quantile" => $"{path}.quantile",
                "window" => $"{path}.vol_window",
                "returns" or "volatilities" => $"{at}.log_returns",
                _ when field.StartsWith("returns[", StringComparison.Ordinal) => $"{at}.log_{field}",
                _ => $"underlyings[{code}].{FieldPath.Snake(field)}",
            });
            sources[code] = string.Create(CultureInfo.InvariantCulture,
                $"{path}: {quantile * 100:0.##}% of {horizon}-day moves over {series.LogReturns.Count:N0} returns, vol window {window} days");
        }
    }

    /// <summary>One underlying's scan parameters; zero values of the extreme move and the delivery window take the engine's defaults.</summary>
    public static ScanParameters Scan(Proto.ScanParameters p)
    {
        var defaults = new ScanParameters(0.1);
        return new ScanParameters(p.PriceScanRange, p.VolScanRange, p.CalendarSpreadChargePerTonne, p.DeliveryChargePerTonne, p.ShortOptionMinimumPerTonne,
            p.ExtremeMultiple == 0 ? defaults.ExtremeMultiple : p.ExtremeMultiple,
            p.ExtremeCoverFraction == 0 ? defaults.ExtremeCoverFraction : p.ExtremeCoverFraction,
            p.DeliveryWindowDays == 0 ? defaults.DeliveryWindowDays : p.DeliveryWindowDays);
    }

    /// <summary>The ES settings and history of <paramref name="es"/>; dates are checked here, the rest by the engine.</summary>
    public static ExpectedShortfallInputs ExpectedShortfall(Proto.ExpectedShortfallMarginSettings es)
    {
        const string path = "expected_shortfall";
        var defaults = new ExpectedShortfallMarginSettings();
        var settings = new ExpectedShortfallMarginSettings
        {
            Confidence = es.Confidence == 0 ? defaults.Confidence : es.Confidence,
            HorizonDays = es.HorizonDays == 0 ? defaults.HorizonDays : es.HorizonDays,
            LookbackDays = es.LookbackDays == 0 ? defaults.LookbackDays : es.LookbackDays,
            StressFrom = es.StressFrom.Length == 0 ? null : ProtoDates.Parse(es.StressFrom, $"{path}.stress_from"),
            StressTo = es.StressTo.Length == 0 ? null : ProtoDates.Parse(es.StressTo, $"{path}.stress_to"),
        };
        var dates = es.Dates.Select((d, i) => ProtoDates.Parse(d, $"{path}.dates[{i}]")).ToArray();
        var history = Translate(() => new ReturnHistory(dates, es.Returns.Select(r =>
            new KeyValuePair<string, ImmutableArray<double>>(r.Underlying, [.. r.LogReturns]))));
        return new ExpectedShortfallInputs(settings, history);
    }

    /// <summary>
    /// Runs an ES step naming its fields in the request: the portfolio's and the market's as every risk request does, the
    /// settings' and the history's ("history.returns[EUA]") under expected_shortfall ("expected_shortfall.returns[EUA]").
    /// </summary>
    public static T Translate<T>(Func<T> action) => FieldPath.Translate(action, field =>
        field.StartsWith("positions", StringComparison.Ordinal) || field.StartsWith("market", StringComparison.Ordinal)
            ? RiskFieldPath.Resolve(field)
            : "expected_shortfall." + FieldPath.Snake(field.StartsWith("history.", StringComparison.Ordinal) ? field["history.".Length..] : field));
}
