using System.Numerics;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The Sobol low-discrepancy sequence with the Joe and Kuo (2008) "new-joe-kuo-6.21201" direction
/// numbers, as 32-bit integer coordinates, filled one dimension and one block of points at a time.
/// </summary>
/// <remarks>
/// <para><b>Ordering.</b> Point n (n = 0, 1, …, 2<sup>32</sup>−1) has, in dimension d, the coordinate
/// x<sub>d</sub>(n) = XOR of v<sub>d,j</sub> over the set bits j of the Gray code g(n) = n XOR (n ≫ 1)
/// (Antonov and Saleev 1979). Point 0 is the origin; point n ≥ 1 equals the n-th draw of
/// QuantLib/QLNet <c>SobolRsg(dimensions, seed, JoeKuoD6).nextInt32Sequence()</c>. In Gray-code
/// order consecutive points differ in exactly one direction number,
/// x(n) = x(n−1) XOR v<sub>tz(n)</sub> with tz the number of trailing zero bits; see Glasserman (2004),
/// "Monte Carlo Methods in Financial Engineering", section 5.2.3, and Bratley and Fox (1988),
/// ACM TOMS 14, 88-100.</para>
/// <para><b>Blocks.</b> <see cref="FillDimension"/> computes its first point directly from the Gray code
/// and the rest by the recursion, so any block of points can be produced independently of the others
/// (by another thread, or another back end) and re-chunking a simulation does not change its numbers.</para>
/// <para><b>Randomisation.</b> The raw sequence is deterministic and has no error estimate. Turn it into
/// randomised QMC by XOR-ing every coordinate of dimension d with a digital shift s<sub>d</sub> drawn
/// uniformly per replicate (<see cref="ToUniform"/>): each shifted point is uniform on the unit cube, the
/// net structure is kept, and the sample standard deviation of R independent replicate estimates gives
/// an honest standard error (L'Ecuyer and Lemieux 2002, "Recent advances in randomized quasi-Monte
/// Carlo methods", in Modeling Uncertainty, Kluwer).</para>
/// <para><b>Threads.</b> Immutable after construction; the direction table is loaded once per process
/// and shared, so one instance may be used from any number of threads.</para>
/// </remarks>
public sealed class SobolSequence
{
    /// <summary>Largest supported number of dimensions (rows of the embedded direction table).</summary>
    public const int MaxDimensions = SobolDirectionNumbers.Dimensions;

    /// <summary>Number of points before the 32-bit sequence repeats: indices run over [0, 2<sup>32</sup>).</summary>
    public const long MaxPoints = 1L << SobolDirectionNumbers.Bits;

    /// <summary>Creates the first <paramref name="dimensions"/> dimensions of the sequence.</summary>
    /// <param name="dimensions">Number of dimensions, in [1, <see cref="MaxDimensions"/>].</param>
    /// <exception cref="InvalidInputException"><paramref name="dimensions"/> is out of range (field <c>dimensions</c>).</exception>
    public SobolSequence(int dimensions)
    {
        Dimensions = Guard.InRange(dimensions, 1, MaxDimensions, "dimensions");
    }

    /// <summary>Number of dimensions, in [1, <see cref="MaxDimensions"/>].</summary>
    public int Dimensions { get; }

    /// <summary>
    /// Writes the 32-bit integer coordinates in <paramref name="dimension"/> of points
    /// <paramref name="firstIndex"/> … <paramref name="firstIndex"/> + <paramref name="destination"/>.Length − 1.
    /// The coordinate x stands for the point x / 2<sup>32</sup> of [0, 1); see <see cref="ToUniform"/>.
    /// </summary>
    /// <param name="dimension">0-based dimension, in [0, <see cref="Dimensions"/>).</param>
    /// <param name="firstIndex">Index of the first point; 0 is the origin. The block must end at or before
    /// <see cref="MaxPoints"/> − 1.</param>
    /// <param name="destination">Caller-owned buffer, one element per point. Nothing is allocated.</param>
    /// <exception cref="InvalidInputException"><paramref name="dimension"/> (field <c>dimension</c>) or the
    /// block (field <c>firstIndex</c>) is out of range.</exception>
    public void FillDimension(int dimension, long firstIndex, Span<uint> destination)
    {
        Guard.InRange(dimension, 0, Dimensions - 1, "dimension");
        if (firstIndex < 0 || firstIndex > MaxPoints - destination.Length)
        {
            Guard.Fail("firstIndex",
                $"points {firstIndex} .. {firstIndex + destination.Length - 1} must lie in [0, {MaxPoints - 1}]");
        }
        FillDimensionUnchecked(dimension, (uint)firstIndex, destination);
    }

    /// <summary>
    /// <see cref="FillDimension"/> without argument checks, for internal kernels that validated once.
    /// Requires 0 ≤ <paramref name="dimension"/> &lt; <see cref="Dimensions"/> and
    /// <paramref name="firstIndex"/> + <paramref name="destination"/>.Length ≤ 2<sup>32</sup>.
    /// </summary>
    internal void FillDimensionUnchecked(int dimension, uint firstIndex, Span<uint> destination)
    {
        if (destination.IsEmpty) return;
        ReadOnlySpan<uint> v = SobolDirectionNumbers.ForDimension(dimension);

        // First point directly from its Gray code.
        uint n = firstIndex;
        uint gray = n ^ (n >> 1);
        uint x = 0;
        while (gray != 0)
        {
            x ^= v[BitOperations.TrailingZeroCount(gray)];
            gray &= gray - 1; // clear the lowest set bit
        }
        destination[0] = x;

        // Then one XOR per point: g(n) and g(n - 1) differ only in bit tz(n).
        for (int i = 1; i < destination.Length; i++)
        {
            n++;
            x ^= v[BitOperations.TrailingZeroCount(n)];
            destination[i] = x;
        }
    }

    /// <summary>
    /// Maps a 32-bit Sobol coordinate to the open unit interval after a digital shift:
    /// u = ((x XOR <paramref name="digitalShift"/>) + ½) / 2<sup>32</sup>, the midpoint of the dyadic cell
    /// of width 2<sup>−32</sup>. The result lies in [2<sup>−33</sup>, 1 − 2<sup>−33</sup>] ⊂ (0, 1), so it can
    /// go straight into an inverse CDF (<see cref="Numerics.InverseNormal.Inverse(double)"/>).
    /// </summary>
    /// <param name="x">Integer coordinate from <see cref="FillDimension"/>.</param>
    /// <param name="digitalShift">0 for the plain sequence; for randomised QMC, one uniformly random
    /// 32-bit shift per dimension and replicate, the same for every point of that replicate.</param>
    public static double ToUniform(uint x, uint digitalShift) => ((x ^ digitalShift) + 0.5) * TwoToMinus32;

    // 2^-32, exact in binary floating point; the sum (x ^ s) + 0.5 is exact too, so ToUniform is exact.
    private const double TwoToMinus32 = 1.0 / 4294967296.0;
}
