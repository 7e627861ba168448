using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Engine.Market;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>Proto market data to the engine's <see cref="MarketSnapshot"/>, naming request fields in every error.</summary>
internal static partial class MarketMapper
{
    public static MarketSnapshot ToDomain(Proto.MarketData message, string prefix)
    {
        var valuationDate = ProtoDates.Parse(message.ValuationDate, $"{prefix}.valuation_date");
        var discount = Discount(message.Discount, valuationDate, $"{prefix}.discount");
        var curves = new Dictionary<string, FuturesCurve>(StringComparer.Ordinal);
        for (int i = 0; i < message.Futures.Count; i++)
        {
            var curve = message.Futures[i];
            string path = $"{prefix}.futures[{i}]";
            Underlying(curve.Underlying, curves.ContainsKey(curve.Underlying), $"{path}.underlying");
            var quotes = curve.Quotes.Select((q, j) => (ProtoDates.Parse(q.Delivery, $"{path}.quotes[{j}].delivery"), q.Price)).ToArray();
            curves[curve.Underlying] = Under(path, () => new FuturesCurve(valuationDate, quotes), QuoteField);
        }
        var surfaces = new Dictionary<string, IVolSurface>(StringComparer.Ordinal);
        for (int i = 0; i < message.Volatilities.Count; i++)
        {
            var surface = message.Volatilities[i];
            string path = $"{prefix}.volatilities[{i}]";
            Underlying(surface.Underlying, surfaces.ContainsKey(surface.Underlying), $"{path}.underlying");
            surfaces[surface.Underlying] = Under(path, () => VolSurface(surface, path));
        }
        var byCurrency = message.DiscountByCurrency.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key,
            d => Discount(d.Value, valuationDate, $"{prefix}.discount_by_currency[{d.Key}]"), StringComparer.Ordinal);
        return Under(prefix, () => new MarketSnapshot(valuationDate, discount, curves, surfaces, byCurrency));
    }

    private static IDiscountCurve Discount(Proto.DiscountCurve? curve, DateOnly valuationDate, string path) => curve?.KindCase switch
    {
        Proto.DiscountCurve.KindOneofCase.FlatRate => Under(path, () => new FlatDiscountCurve(curve.FlatRate)),
        Proto.DiscountCurve.KindOneofCase.ZeroRates => Under($"{path}.zero_rates", () => ZeroRateCurve.FromDates(valuationDate,
            curve.ZeroRates.Points.Select((p, i) => (ProtoDates.Parse(p.Date, $"{path}.zero_rates.points[{i}].date"), p.Rate)).ToArray()), PointField),
        _ => throw RpcErrors.InvalidArgument(path, "is required: flat_rate or zero_rates"),
    };

    private static IVolSurface VolSurface(Proto.VolSurface surface, string path) => surface.KindCase switch
    {
        Proto.VolSurface.KindOneofCase.Flat => Under(path, () => new FlatVolSurface(surface.Flat), _ => "flat"),
        Proto.VolSurface.KindOneofCase.TermStructure => Under($"{path}.term_structure",
            () => new VolTermStructure(surface.TermStructure.Expiries, surface.TermStructure.Volatilities)),
        Proto.VolSurface.KindOneofCase.Grid => Under($"{path}.grid", () => Grid(surface.Grid, $"{path}.grid")),
        Proto.VolSurface.KindOneofCase.Sabr => SmileMapper.Sabr(surface.Sabr, $"{path}.sabr"),
        Proto.VolSurface.KindOneofCase.Svi => SmileMapper.Svi(surface.Svi, $"{path}.svi"),
        _ => throw RpcErrors.InvalidArgument(path, "needs flat, term_structure, grid, sabr or svi"),
    };

    private static VolGrid Grid(Proto.VolGrid grid, string path)
    {
        int rows = grid.Expiries.Count, columns = grid.Strikes.Count;
        if (grid.Volatilities.Count != rows * columns)
            RpcErrors.ThrowInvalidArgument($"{path}.volatilities", $"must hold expiries x strikes = {rows * columns} values, got {grid.Volatilities.Count}");
        var vols = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                vols[i, j] = grid.Volatilities[i * columns + j];
        return new VolGrid(grid.Expiries, grid.Strikes, vols);
    }

    private static void Underlying(string code, bool duplicate, string field)
    {
        if (string.IsNullOrWhiteSpace(code)) RpcErrors.ThrowInvalidArgument(field, "is required, e.g. \"EUA\"");
        if (duplicate) RpcErrors.ThrowInvalidArgument(field, $"'{code}' appears more than once");
    }

    // The engine validates arrays; the request holds lists of messages: "prices[2]" is "quotes[2].price".
    private static string QuoteField(string field) =>
        IndexedField().Replace(field, m => $"quotes[{m.Groups[2].Value}].{(m.Groups[1].Value == "prices" ? "price" : "delivery")}");

    private static string PointField(string field) =>
        IndexedField().Replace(field, m => $"points[{m.Groups[2].Value}].{(m.Groups[1].Value == "rates" ? "rate" : "date")}");

    [System.Text.RegularExpressions.GeneratedRegex(@"^(prices|deliveries|rates|dates|times)\[(\d+)\]$")]
    private static partial System.Text.RegularExpressions.Regex IndexedField();

    private static T Under<T>(string prefix, Func<T> build, Func<string, string>? translate = null)
    {
        try
        {
            return build();
        }
        catch (Engine.Validation.InvalidInputException e)
        {
            string local = translate?.Invoke(e.Field) ?? e.Field;
            string field = e.Field.StartsWith("market.", StringComparison.Ordinal) ? e.Field : $"{prefix}.{FieldPath.Snake(local)}";
            throw RpcErrors.InvalidArgument(field, e.Reason);
        }
    }
}
