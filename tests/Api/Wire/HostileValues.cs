using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CarbonDerivatives.Tests.Api.Wire;

/// <summary>
/// Structurally valid messages with hostile field values, from a seeded generator: 1-3 fields anywhere in a valid
/// request (set or not, nested or repeated) get NaN, infinities, 1e300, extreme integers, empty or 10,000-character
/// or odd strings, unknown enum numbers, cleared sub-messages or extra repeated elements.
/// </summary>
internal static class HostileValues
{
    private static readonly double[] Doubles =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, 1e-300, -0.0, 0, -1, double.MaxValue, double.Epsilon, 1e15];

    private static readonly string[] Strings =
    [
        "", new string('x', 10_000), "\0", "日本語の文字列", "../../../etc/passwd", "'; DROP TABLE documents;--", "2026-02-30", "9999-12-31",
        "0001-01-01", "-1", "NaN", " ", "default", "EUA", "ICE-EUA-FUT", "{\"schemaVersion\":\"carbon-spec/1\"}", "\ud800",
    ];

    public static IMessage Mutate(IMessage seed, Random random)
    {
        var message = seed.Descriptor.Parser.ParseFrom(seed.ToByteArray());
        for (int edits = random.Next(1, 4); edits > 0; edits--)
        {
            var slots = new List<(IMessage Owner, FieldDescriptor Field)>();
            Collect(message, slots, depth: 0);
            if (slots.Count == 0) break; // a request without fields (List...) has nothing to spoil
            var (owner, field) = slots[random.Next(slots.Count)];
            Set(owner, field, random);
        }
        return message;
    }

    private static void Collect(IMessage message, List<(IMessage, FieldDescriptor)> slots, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            slots.Add((message, field));
            if (depth > 6 || field.FieldType != FieldType.Message) continue;
            object? value = field.Accessor.GetValue(message);
            if (field.IsMap) continue;
            if (field.IsRepeated)
                foreach (IMessage element in (IList)value!) Collect(element, slots, depth + 1);
            else if (value is IMessage child) Collect(child, slots, depth + 1);
        }
    }

    private static void Set(IMessage owner, FieldDescriptor field, Random random)
    {
        if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(owner);
            var entry = field.MessageType.Fields.InDeclarationOrder();
            object key = Value(entry[0], random), value = Value(entry[1], random);
            map[key] = value;
            return;
        }
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(owner);
            switch (random.Next(3))
            {
                case 0: list.Clear(); break;
                case 1: for (int i = random.Next(1, 4); i > 0; i--) list.Add(Value(field, random)); break;
                default: if (list.Count > 0) for (int i = random.Next(1, 40); i > 0; i--) list.Add(list[random.Next(list.Count)]); break;
            }
            return;
        }
        if (field.FieldType == FieldType.Message && random.Next(2) == 0) field.Accessor.Clear(owner);
        else field.Accessor.SetValue(owner, Value(field, random));
    }

    private static object Value(FieldDescriptor field, Random random) => field.FieldType switch
    {
        FieldType.Double => Doubles[random.Next(Doubles.Length)],
        FieldType.Float => (float)Doubles[random.Next(Doubles.Length)],
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new[] { int.MinValue, int.MaxValue, -1, 0, 1_000_000_000, 7 }[random.Next(6)],
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => new[] { long.MinValue, long.MaxValue, -1L, 0L, 1_000_000_000_000L, 7L }[random.Next(6)],
        FieldType.UInt32 or FieldType.Fixed32 => new[] { 0u, uint.MaxValue, 1u }[random.Next(3)],
        FieldType.UInt64 or FieldType.Fixed64 => new[] { 0ul, ulong.MaxValue, 1ul }[random.Next(3)],
        FieldType.Bool => random.Next(2) == 0,
        FieldType.String => Strings[random.Next(Strings.Length)],
        FieldType.Bytes => ByteString.CopyFrom(Enumerable.Range(0, random.Next(0, 64)).Select(_ => (byte)random.Next(256)).ToArray()),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, new[] { 999, -1, int.MaxValue, 0, 1, 2 }[random.Next(6)]),
        FieldType.Message => field.MessageType.Parser.ParseFrom(ByteString.Empty),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };
}
