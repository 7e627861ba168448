using System.Reflection;
using System.Reflection.Emit;
using Xunit;

namespace CarbonDerivatives.Tests.OnePricingPath;

/// <summary>
/// The engine's folders stack one way: each may use the folders before it in <see cref="Order"/>, never one after
/// it. Checked on the compiled engine, by reflection over every type's signatures and the IL of every method body
/// (calls, field accesses, type tokens, generic arguments), so no reference can hide from it.
/// </summary>
public sealed class EngineLayeringTests
{
    /// <summary>The declared order, lowest first (README "Layout").</summary>
    public static readonly string[] Order =
        ["Validation", "Numerics", "Market", "Products", "Simulation", "Models", "Analytics", "Calibration", "Pricing", "Risk", "Specs"];

    private static readonly Assembly Engine = typeof(Engine.Validation.Guard).Assembly;

    [Fact]
    public void EveryEngineType_UsesOnlyItsOwnAndLowerFolders()
    {
        var violations = Violations(Engine, Order);
        Assert.True(violations.Count == 0, "references against the folder order:\n" + string.Join("\n", violations.Take(40)));
    }

    [Fact]
    public void EveryEngineFolder_IsInTheDeclaredOrder()
    {
        var folders = Engine.GetTypes().Select(Folder).Where(f => f is not null).Distinct().ToArray();
        Assert.All(folders, f => Assert.Contains(f, Order));
    }

    [Fact]
    public void TheCheck_FindsReferences_WhenTheOrderIsTurnedAround()
    {
        // The same check against the reversed order must fail loudly: it is able to see references.
        var reversed = Order.Reverse().ToArray();
        var violations = Violations(Engine, reversed);
        Assert.Contains(violations, v => v.StartsWith("Pricing.", StringComparison.Ordinal) && v.Contains("-> Simulation.", StringComparison.Ordinal));
        Assert.True(violations.Count > 100, $"only {violations.Count} violations found against the reversed order");
    }

    /// <summary>"Folder.Type -> Folder.Type" for every reference from a folder to one later in <paramref name="order"/>.</summary>
    public static List<string> Violations(Assembly assembly, IReadOnlyList<string> order)
    {
        var rank = order.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (Folder(type) is not { } from || !rank.TryGetValue(from, out int fromRank)) continue;
            foreach (var used in References(type))
                if (Folder(used) is { } to && rank.TryGetValue(to, out int toRank) && toRank > fromRank)
                    found.Add($"{from}.{Outer(type).Name} -> {to}.{Outer(used).Name}");
        }
        return [.. found];
    }

    /// <summary>The engine folder of a type: the namespace segment after CarbonDerivatives.Engine; null for other types.</summary>
    private static string? Folder(Type type)
    {
        const string root = "CarbonDerivatives.Engine.";
        string? ns = Outer(type).Namespace;
        if (ns is null || !ns.StartsWith(root, StringComparison.Ordinal)) return null;
        string rest = ns[root.Length..];
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> References(Type type)
    {
        var seen = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var a in t.GetGenericArguments()) Add(a);
                return;
            }
            seen.Add(t);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(All)) Add(f.FieldType);
        foreach (var p in type.GetProperties(All)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            var body = m.GetMethodBody();
            if (body is null) continue;
            foreach (var local in body.LocalVariables) Add(local.LocalType);
            foreach (var used in TypesInIl(m, body.GetILAsByteArray() ?? [])) Add(used);
        }
        return seen;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types every token operand of a method body names (the declaring type of a called method or accessed field).</summary>
    private static IEnumerable<Type> TypesInIl(MethodBase method, byte[] il)
    {
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    int token = BitConverter.ToInt32(il, i);
                    i += 4;
                    foreach (var t in Resolve(module, token, typeArgs, methodArgs)) yield return t;
                    break;
                default: i += 4; break;
            }
        }
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            yield break;
        }
        switch (member)
        {
            case Type t: yield return t; break;
            case MethodInfo m:
                if (m.DeclaringType is { } md) yield return md;
                yield return m.ReturnType;
                foreach (var a in m.IsGenericMethod ? m.GetGenericArguments() : []) yield return a;
                break;
            case ConstructorInfo c when c.DeclaringType is { } cd: yield return cd; break;
            case FieldInfo f:
                if (f.DeclaringType is { } fd) yield return fd;
                yield return f.FieldType;
                break;
        }
    }
}
