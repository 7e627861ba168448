using Google.Protobuf;

namespace CarbonDerivatives.Cli.Requests;

/// <summary>Protobuf canonical JSON in and out (Google.Protobuf's JsonParser and JsonFormatter).</summary>
internal static class ProtoJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private static readonly JsonFormatter Indented = new(JsonFormatter.Settings.Default.WithIndentation());
    private static readonly JsonFormatter OneLine = new(JsonFormatter.Settings.Default);

    /// <summary>Parses one message; <paramref name="where"/> names the input in the error.</summary>
    public static T Parse<T>(string json, string where) where T : IMessage<T>, new()
    {
        try
        {
            return Parser.Parse<T>(json);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new UsageException($"{where}: not a valid {new T().Descriptor.FullName} in protobuf JSON: {e.Message}", e);
        }
    }

    /// <summary>Indented canonical JSON, for a human to read.</summary>
    public static string Format(IMessage message) => Indented.Format(message);

    /// <summary>Canonical JSON on one line, for NDJSON output.</summary>
    public static string FormatLine(IMessage message) => OneLine.Format(message);
}
