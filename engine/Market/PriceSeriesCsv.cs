using System.Globalization;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>The price files of data/: a header line <c>date,price</c>, then ISO dates ascending, one price per line.</summary>
public static class PriceSeriesCsv
{
    /// <summary>The (dates, prices) of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">"path" when the file is missing; "line N" when a line does not parse.</exception>
    public static (DateOnly[] Dates, double[] Prices) Read(string path)
    {
        if (!File.Exists(path)) Guard.Fail("path", $"no price file at {path}");
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select((line, i) =>
        {
            var fields = line.Split(',');
            if (fields.Length < 2
                || !DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double price))
                throw new InvalidInputException($"line {i + 2}", $"expected yyyy-MM-dd,price, got '{line}'");
            return (date, price);
        }).ToArray();
        return ([.. rows.Select(r => r.date)], [.. rows.Select(r => r.price)]);
    }

    /// <summary>The daily log returns of the file as a one-series <see cref="ReturnHistory"/> keyed <paramref name="code"/>.</summary>
    public static ReturnHistory ReadReturns(string path, string code)
    {
        var (dates, prices) = Read(path);
        return ReturnHistory.FromPrices(code, dates, prices);
    }
}
