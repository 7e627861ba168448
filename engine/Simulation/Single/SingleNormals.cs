namespace CarbonDerivatives.Engine.Simulation.Single;

/// <summary>
/// Box–Muller in single precision: a row of n uniforms (the block stream's doubles, rounded to float) gives n normals,
/// pair k from uniforms k and k + n/2, its cosine part at k and its sine part at k + n/2. One uniform per normal, as
/// the double stream. Element-wise, so every tier gives the same bits.
/// </summary>
internal ref struct SingleNormals : ISingleKernel
{
    private readonly ReadOnlySpan<double> _uniforms;
    private readonly Span<float> _normals;
    private readonly int _half;

    /// <param name="uniforms">n uniforms in (0, 1); n even.</param>
    /// <param name="normals">n normals out.</param>
    private SingleNormals(ReadOnlySpan<double> uniforms, Span<float> normals)
    {
        _uniforms = uniforms;
        _normals = normals;
        _half = uniforms.Length / 2;
    }

    /// <summary>Fills <paramref name="normals"/> from as many <paramref name="uniforms"/> (an even number).</summary>
    public static void Transform(ReadOnlySpan<double> uniforms, Span<float> normals)
    {
        var kernel = new SingleNormals(uniforms, normals);
        SingleLoop.Run(ref kernel, kernel._half);
    }

    public int Execute<TVec>(int start, int length) where TVec : struct, ISimdSingle<TVec>
    {
        var minusTwo = TVec.Broadcast(-2f);
        int i = start;
        for (; i <= length - TVec.Count; i += TVec.Count)
        {
            // The uniforms lie in [2⁻⁵⁴, 1): as floats in [2⁻⁵⁴, 1], positive normal; ln 1 = 0 gives a zero radius.
            var radius = TVec.Sqrt(minusTwo * SingleFunctions.LogOfPositiveNormal(TVec.LoadRounded(_uniforms, i)));
            var (sin, cos) = SingleFunctions.SinCosOfTurns(TVec.LoadRounded(_uniforms, i + _half));
            (radius * cos).Store(_normals, i);
            (radius * sin).Store(_normals, i + _half);
        }
        return i;
    }
}

/// <summary>W' = W + √Δt·z in float, the "price" W widened to double: <see cref="Simulation.DriverStep"/> without jumps.</summary>
internal ref struct SingleDriverStep : ISingleKernel
{
    public Span<float> Brownian;
    public Span<double> Price;
    public ReadOnlySpan<float> Normals;
    public float SqrtStep;

    public int Execute<TVec>(int start, int length) where TVec : struct, ISimdSingle<TVec>
    {
        var sqrtStep = TVec.Broadcast(SqrtStep);
        int i = start;
        for (; i <= length - TVec.Count; i += TVec.Count)
        {
            var w = TVec.MultiplyAdd(TVec.Load(Normals, i), sqrtStep, TVec.Load(Brownian, i));
            w.Store(Brownian, i);
            w.StoreWidened(Price, i);
        }
        return i;
    }
}

/// <summary>x' = a·x + b + c·z in float, S = exp(x') widened to double: <see cref="Simulation.AffineLogStep"/> without jumps.</summary>
internal ref struct SingleAffineLogStep : ISingleKernel
{
    public Span<float> State;
    public Span<double> Price;
    public ReadOnlySpan<float> Normals;
    public float A, B, C;

    public int Execute<TVec>(int start, int length) where TVec : struct, ISimdSingle<TVec>
    {
        var a = TVec.Broadcast(A);
        var b = TVec.Broadcast(B);
        var c = TVec.Broadcast(C);
        int i = start;
        for (; i <= length - TVec.Count; i += TVec.Count)
        {
            var x = TVec.MultiplyAdd(TVec.Load(State, i), a, TVec.MultiplyAdd(TVec.Load(Normals, i), c, b));
            x.Store(State, i);
            SingleFunctions.Exp(x).StoreWidened(Price, i);
        }
        return i;
    }
}
