namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>
/// A vector of 64-bit generator words of the same width as <typeparamref name="TDouble"/>: what the
/// xoshiro256+ streams need (add, xor, or, shifts) and the conversion of the top 53 bits to a uniform.
/// </summary>
internal interface ISimdUInt64<TSelf, TDouble>
    where TSelf : struct, ISimdUInt64<TSelf, TDouble>
    where TDouble : struct, ISimdDouble<TDouble>
{
    /// <summary>Number of words in one vector.</summary>
    static abstract int Count { get; }

    static abstract TSelf Load(ReadOnlySpan<ulong> source, int offset);
    void Store(Span<ulong> destination, int offset);

    static abstract TSelf operator +(TSelf left, TSelf right);
    static abstract TSelf operator ^(TSelf left, TSelf right);
    static abstract TSelf operator |(TSelf left, TSelf right);
    static abstract TSelf operator <<(TSelf value, int shift);
    static abstract TSelf operator >>>(TSelf value, int shift);

    /// <summary>(bits &gt;&gt; 11)·2⁻⁵³ + 2⁻⁵⁴: a uniform in the open interval (0, 1), the same in every width.</summary>
    static abstract TDouble ToUniform(TSelf bits);
}

/// <summary>Constants of the 53-bit uniform conversion.</summary>
internal static class UniformBits
{
    public const double Scale = 1.0 / (1UL << 53);
    public const double HalfUlp = 0.5 / (1UL << 53);
}
