using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CarbonDerivatives.Tests.Api.Wire;

/// <summary>The paths of NaN or infinite numbers anywhere in a message (nested, repeated and map values too).</summary>
internal static class Finite
{
    public static IEnumerable<string> Violations(IMessage message, string path = "")
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            object? value = field.Accessor.GetValue(message);
            string at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            IEnumerable values = field.IsMap ? ((IDictionary)value!).Values : field.IsRepeated ? (IList)value! : new[] { value };
            int i = 0;
            foreach (object? element in values)
            {
                string elementPath = field.IsRepeated ? $"{at}[{i++}]" : at;
                switch (element)
                {
                    case double d when !double.IsFinite(d): yield return $"{elementPath} = {d}"; break;
                    case float f when !float.IsFinite(f): yield return $"{elementPath} = {f}"; break;
                    case IMessage child: foreach (string inner in Violations(child, elementPath)) yield return inner; break;
                }
            }
        }
    }
}
