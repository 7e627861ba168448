namespace CarbonDerivatives.Engine.Simulation.Single;

/// <summary>
/// A vector of floats of some width (512-bit: 16, 256-bit: 8, or one scalar), the single-precision counterpart of
/// <see cref="Simd.ISimdDouble{TSelf}"/>: kernels are written once over it and every tier gives the same bits.
/// Implementations mark every member AggressiveInlining.
/// </summary>
internal interface ISimdSingle<TSelf> where TSelf : struct, ISimdSingle<TSelf>
{
    /// <summary>Number of floats in one vector.</summary>
    static abstract int Count { get; }

    static abstract TSelf Load(ReadOnlySpan<float> source, int offset);
    void Store(Span<float> destination, int offset);
    static abstract TSelf Broadcast(float value);

    /// <summary>Count doubles from <paramref name="offset"/>, each rounded to the nearest float.</summary>
    static abstract TSelf LoadRounded(ReadOnlySpan<double> source, int offset);

    /// <summary>The floats widened (exactly) to doubles at <paramref name="offset"/>.</summary>
    void StoreWidened(Span<double> destination, int offset);

    static abstract TSelf operator +(TSelf left, TSelf right);
    static abstract TSelf operator -(TSelf left, TSelf right);
    static abstract TSelf operator *(TSelf left, TSelf right);
    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>a * b + c with a single rounding.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);
    static abstract TSelf Max(TSelf left, TSelf right);
    static abstract TSelf Min(TSelf left, TSelf right);
    static abstract TSelf Sqrt(TSelf value);

    /// <summary>ifTrue in each element where left &gt; right, else ifFalse.</summary>
    static abstract TSelf WhereGreater(TSelf left, TSelf right, TSelf ifTrue, TSelf ifFalse);

    /// <summary>2ⁿ for integral n in [−126, 127], built from its exponent bits.</summary>
    static abstract TSelf PowerOfTwo(TSelf integral);

    /// <summary>A positive normal x as m·2ᵉ with m in [1, 2): (m, e), from its bits.</summary>
    static abstract (TSelf Mantissa, TSelf Exponent) Decompose(TSelf value);
}

/// <summary>An element-wise float kernel over spans of equal length (<see cref="SingleLoop"/>), as <see cref="Simd.ISimdKernel"/>.</summary>
internal interface ISingleKernel
{
    int Execute<TVec>(int start, int length) where TVec : struct, ISimdSingle<TVec>;
}

internal static class SingleLoop
{
    /// <summary>Runs <paramref name="kernel"/> over [0, length) on the widest accelerated tier, the scalar tier on the tail.</summary>
    public static void Run<TKernel>(scoped ref TKernel kernel, int length) where TKernel : ISingleKernel, allows ref struct
    {
        int done = Simd.SimdTiers.Current switch
        {
            Simd.SimdTier.Vector512 => kernel.Execute<SimdSingle512>(0, length),
            Simd.SimdTier.Vector256 => kernel.Execute<SimdSingle256>(0, length),
            _ => 0,
        };
        kernel.Execute<SimdSingleScalar>(done, length);
    }
}

/// <summary>Bit patterns of floats: adding 2²³ + 127 to a small integer puts its biased exponent in the low mantissa bits.</summary>
internal static class SingleExponentBits
{
    public const float BiasedShift = 8388735f;       // 2²³ + 127
    public const uint ShiftBits = 0x4B00_0000;       // the bits of 2²³
    public const uint MantissaMask = 0x007F_FFFF;
    public const uint OneBits = 0x3F80_0000;         // the bits of 1.0f
}
