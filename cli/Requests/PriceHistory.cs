using System.Globalization;

namespace CarbonDerivatives.Cli.Requests;

/// <summary>
/// A daily price history from a CSV file: the last column of each line is the price (a header such as
/// <c>date,price</c> is skipped), oldest first, as in the repository's data/ folder. Gives the prices or their daily log returns.
/// </summary>
internal static class PriceHistory
{
    public static async Task<double[]> LogReturnsAsync(string path, CancellationToken cancellation)
    {
        var prices = await PricesAsync(path, cancellation);
        return Enumerable.Range(1, prices.Length - 1).Select(i => Math.Log(prices[i] / prices[i - 1])).ToArray();
    }

    public static async Task<double[]> PricesAsync(string path, CancellationToken cancellation)
    {
        string name = InputText.Name(path);
        var prices = new List<double>();
        int lineNumber = 0;
        foreach (string line in (await InputText.ReadAsync(path, cancellation)).Split('\n'))
        {
            lineNumber++;
            string field = line.Split(',')[^1].Trim();
            if (field.Length == 0) continue;
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double price))
            {
                if (prices.Count == 0) continue; // a header
                throw new UsageException($"{name}: line {lineNumber}: '{field}' is not a price");
            }
            if (!(price > 0) || double.IsInfinity(price)) throw new UsageException($"{name}: line {lineNumber}: a price must be positive, got {field}");
            prices.Add(price);
        }
        if (prices.Count < 2) throw new UsageException($"{name}: needs at least two prices");
        return [.. prices];
    }
}
