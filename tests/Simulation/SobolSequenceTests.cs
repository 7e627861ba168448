using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using Xunit;
using QLNetSobol = QLNet.SobolRsg;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// <see cref="SobolSequence"/> against QLNet 1.13.2 <c>SobolRsg(dimensions, 0, JoeKuoD6)</c>
/// (the independent reference: its own copy of the Joe-Kuo initialisers, its own recurrence and
/// Gray-code stepping) and against closed-form properties of the sequence. Deterministic: no seeds,
/// no false failures.
/// </summary>
public sealed class SobolSequenceTests
{
    private const int All = SobolSequence.MaxDimensions;

    [Fact]
    public void FillDimension_First4096PointsOfAllDimensions_MatchQLNetDraws()
    {
        const int points = 4096; // covers direction numbers v_0 .. v_11 of every dimension
        var sobol = new SobolSequence(All);
        var ours = new uint[All][];
        for (int d = 0; d < All; d++)
        {
            ours[d] = new uint[points];
            sobol.FillDimension(d, 0, ours[d]);
            Assert.Equal(0u, ours[d][0]); // point 0 is the origin; QLNet starts at point 1
        }

        var reference = new QLNetSobol(All, 0, QLNetSobol.DirectionIntegers.JoeKuoD6);
        for (int n = 1; n < points; n++)
        {
            List<ulong> draw = reference.nextInt32Sequence();
            for (int d = 0; d < All; d++)
            {
                if (ours[d][n] != draw[d]) Assert.Fail($"point {n}, dimension {d}: ours {ours[d][n]:X8}, QLNet {draw[d]:X8}");
            }
        }
    }

    public static TheoryData<long> BlocksAcrossPowersOfTwo()
    {
        // Blocks of 8 points straddling 2^j: point 2^j is the first to use direction number v_j, so
        // together these check all 32 direction numbers of every dimension (v_0 .. v_11 also above).
        var data = new TheoryData<long>();
        for (int j = 2; j <= 31; j++) data.Add((1L << j) - 2);
        data.Add(SobolSequence.MaxPoints - 8); // the last block of the period
        return data;
    }

    [Theory]
    [MemberData(nameof(BlocksAcrossPowersOfTwo))]
    public void FillDimension_BlockAcrossPowerOfTwo_MatchesQLNetAfterSkipTo(long firstIndex)
    {
        const int points = 8;
        var sobol = new SobolSequence(All);
        var ours = new uint[points];

        // QLNet: skipTo(s) positions on point s + 1, which the next draw returns.
        var reference = new QLNetSobol(All, 0, QLNetSobol.DirectionIntegers.JoeKuoD6);
        reference.skipTo((ulong)(firstIndex - 1));
        var expected = new ulong[points][];
        for (int i = 0; i < points; i++) expected[i] = reference.nextInt32Sequence().ToArray();

        for (int d = 0; d < All; d++)
        {
            sobol.FillDimension(d, firstIndex, ours);
            for (int i = 0; i < points; i++)
            {
                if (ours[i] != expected[i][d])
                    Assert.Fail($"point {firstIndex + i}, dimension {d}: ours {ours[i]:X8}, QLNet {expected[i][d]:X8}");
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(5, 300)]
    [InlineData(1023, 2)]
    [InlineData(1024, 1000)]
    [InlineData(2047, 2049)]
    [InlineData(4095, 1)]
    public void FillDimension_FromArbitraryFirstIndex_EqualsSequentialSequence(int firstIndex, int count)
    {
        var sobol = new SobolSequence(All);
        var sequential = new uint[4096];
        var block = new uint[count];
        foreach (int d in new[] { 0, 1, 2, 7, 100, 511, 1023 })
        {
            sobol.FillDimension(d, 0, sequential);
            sobol.FillDimension(d, firstIndex, block);
            Assert.Equal(sequential.AsSpan(firstIndex, count).ToArray(), block);
        }
    }

    [Fact]
    public void FillDimension_ConcurrentBlocks_EqualSequentialSequence()
    {
        const int blocks = 64, blockLength = 1000;
        var sobol = new SobolSequence(All);
        var sequential = new uint[blocks * blockLength];
        var concurrent = new uint[blocks * blockLength];
        const int dimension = 777;
        sobol.FillDimension(dimension, 0, sequential);
        Parallel.For(0, blocks, b =>
            sobol.FillDimension(dimension, (long)b * blockLength, concurrent.AsSpan(b * blockLength, blockLength)));
        Assert.Equal(sequential, concurrent);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(16)]
    public void FillDimension_DyadicBlockOf2PowKPoints_IsAPermutationOfTheDyadicGrid(int k)
    {
        // Every one-dimensional projection of a Sobol sequence is a (0,1)-sequence in base 2: each
        // block of 2^k points starting at a multiple of 2^k puts exactly one point in each interval
        // [i / 2^k, (i + 1) / 2^k) (Glasserman 2004, section 5.1.4). Checked on the top k bits.
        int count = 1 << k;
        var sobol = new SobolSequence(All);
        var points = new uint[count];
        var seen = new bool[count];
        foreach (long firstIndex in new[] { 0L, 3L * count })
        {
            for (int d = 0; d < All; d += d < 16 ? 1 : 61)
            {
                sobol.FillDimension(d, firstIndex, points);
                Array.Clear(seen);
                foreach (uint x in points)
                {
                    uint cell = x >> (32 - k);
                    if (seen[cell]) Assert.Fail($"k = {k}, firstIndex {firstIndex}, dimension {d}: cell {cell} hit twice");
                    seen[cell] = true;
                }
            }
        }
    }

    [Fact]
    public void FillDimension_EmptyDestination_WritesNothing()
    {
        var sobol = new SobolSequence(3);
        sobol.FillDimension(2, SobolSequence.MaxPoints, Span<uint>.Empty); // an empty block may end the period
        sobol.FillDimension(2, 0, Span<uint>.Empty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1024)]
    public void Constructor_ValidDimensions_SetsDimensions(int dimensions)
    {
        Assert.Equal(dimensions, new SobolSequence(dimensions).Dimensions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1025)]
    public void Constructor_DimensionsOutOfRange_ThrowsInvalidInput(int dimensions)
    {
        var error = Assert.Throws<InvalidInputException>(() => new SobolSequence(dimensions));
        Assert.Equal("dimensions", error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void FillDimension_DimensionOutOfRange_ThrowsInvalidInput(int dimension)
    {
        var sobol = new SobolSequence(5);
        var error = Assert.Throws<InvalidInputException>(() => sobol.FillDimension(dimension, 0, new uint[4]));
        Assert.Equal("dimension", error.Field);
    }

    [Theory]
    [InlineData(-1L, 1)]
    [InlineData(4294967296L - 8, 9)] // one point past the end of the 2^32 period
    [InlineData(4294967296L, 1)]
    [InlineData(long.MaxValue, 1)]
    public void FillDimension_BlockOutsidePeriod_ThrowsInvalidInput(long firstIndex, int count)
    {
        var sobol = new SobolSequence(5);
        var error = Assert.Throws<InvalidInputException>(() => sobol.FillDimension(0, firstIndex, new uint[count]));
        Assert.Equal("firstIndex", error.Field);
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(uint.MaxValue, 0u)]
    [InlineData(0u, uint.MaxValue)]
    [InlineData(0x12345678u, 0x12345678u)]
    [InlineData(0x80000000u, 0x7FFFFFFFu)]
    [InlineData(0xDEADBEEFu, 0x0BADF00Du)]
    public void ToUniform_AnyCoordinateAndShift_IsTheCellMidpointInsideOpenUnitInterval(uint x, uint shift)
    {
        double u = SobolSequence.ToUniform(x, shift);
        double expected = ((double)(x ^ shift) + 0.5) / 4294967296.0; // closed form, exact in double
        Assert.Equal(expected, u);
        Assert.InRange(u, Math.Pow(2, -33), 1 - Math.Pow(2, -33));
        Assert.True(u > 0 && u < 1);
    }

    [Fact]
    public void ToUniform_ExtremeCoordinates_AreHalfACellFromTheEnds()
    {
        Assert.Equal(Math.Pow(2, -33), SobolSequence.ToUniform(0, 0));
        Assert.Equal(1 - Math.Pow(2, -33), SobolSequence.ToUniform(uint.MaxValue, 0));
        Assert.True(SobolSequence.ToUniform(uint.MaxValue, 0) < 1.0);
    }
}
