namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>
/// A vector of doubles of some width (512-bit, 256-bit or one scalar). Kernels are written once as
/// generic methods over this interface; the JIT specialises each width, so the wrappers cost nothing.
/// This keeps one definition of each kernel instead of one copy per SIMD tier. Implementations mark every member
/// AggressiveInlining: in a large kernel the JIT's inlining budget otherwise runs out and leaves the operators as
/// calls (the European sensitivities kernel, with three exponentials inlined, ran five times slower).
/// </summary>
internal interface ISimdDouble<TSelf> where TSelf : struct, ISimdDouble<TSelf>
{
    /// <summary>Number of doubles in one vector.</summary>
    static abstract int Count { get; }

    static abstract TSelf Load(ReadOnlySpan<double> source, int offset);
    void Store(Span<double> destination, int offset);
    static abstract TSelf Broadcast(double value);

    static abstract TSelf operator +(TSelf left, TSelf right);
    static abstract TSelf operator -(TSelf left, TSelf right);
    static abstract TSelf operator *(TSelf left, TSelf right);
    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>a * b + c with a single rounding.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);
    static abstract TSelf Max(TSelf left, TSelf right);
    static abstract TSelf Min(TSelf left, TSelf right);
    static abstract TSelf Sqrt(TSelf value);

    /// <summary>ifTrue in each element where left &gt; right, else ifFalse (false where either is NaN).</summary>
    static abstract TSelf WhereGreater(TSelf left, TSelf right, TSelf ifTrue, TSelf ifFalse);

    /// <summary>2ⁿ for integral n in [−1022, 1023], built from its exponent bits.</summary>
    static abstract TSelf PowerOfTwo(TSelf integral);

    /// <summary>
    /// value·2ⁿ for integral n in [−1100, 1100], correctly rounded (one rounding, only when the result is subnormal):
    /// one instruction with AVX-512 (vscalefpd), the same bits as <see cref="ExponentBits.ScaleInTwoFactors{TVec}"/>.
    /// </summary>
    static abstract TSelf ScaleByPowerOfTwo(TSelf value, TSelf integral);

    /// <summary>A positive normal x as m·2ᵉ with m in [1, 2): (m, e), from its bits.</summary>
    static abstract (TSelf Mantissa, TSelf Exponent) Decompose(TSelf value);

    /// <summary>Whether left &gt; right in any element.</summary>
    static abstract bool AnyGreater(TSelf left, TSelf right);

    /// <summary>1.0 in each element where left &gt; right, else 0.0.</summary>
    static abstract TSelf OneWhereGreater(TSelf left, TSelf right);

    /// <summary>table[n] in each element, n its integral value; every n must lie in [0, table.Length) (not checked on the vector tiers).</summary>
    static abstract TSelf Gather(ReadOnlySpan<double> table, TSelf integralIndex);
}
