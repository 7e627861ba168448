using System.Text;
using System.Text.Json;

namespace CarbonDerivatives.Cli.Requests;

/// <summary>
/// Splits a request file into its JSON objects: one object, a JSON array of objects, or NDJSON
/// (one object per line; in fact any sequence of top-level objects). Pure.
/// </summary>
internal static class JsonDocuments
{
    /// <summary>The objects' texts, and whether the file was a batch (an array or more than one object).</summary>
    public static (IReadOnlyList<string> Objects, bool IsBatch) Split(string text, string where)
    {
        var objects = new List<string>();
        bool sawArray = false;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text),
            new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                using var value = JsonDocument.ParseValue(ref reader);
                if (value.RootElement.ValueKind == JsonValueKind.Array)
                {
                    sawArray = true;
                    foreach (var item in value.RootElement.EnumerateArray()) objects.Add(ObjectText(item, where, objects.Count));
                }
                else
                {
                    objects.Add(ObjectText(value.RootElement, where, objects.Count));
                }
            }
        }
        catch (JsonException e)
        {
            throw new UsageException($"{where}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        if (objects.Count == 0) throw new UsageException($"{where}: no request in it");
        return (objects, sawArray || objects.Count > 1);
    }

    private static string ObjectText(JsonElement element, string where, int index) =>
        element.ValueKind == JsonValueKind.Object
            ? element.GetRawText()
            : throw new UsageException($"{where}: item {index + 1} is a JSON {element.ValueKind}, not an object");
}
