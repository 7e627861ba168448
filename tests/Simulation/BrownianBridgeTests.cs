using CarbonDerivatives.Engine.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The bridge is a linear map from i.i.d. normals to standardised increments, which are themselves
/// i.i.d. N(0,1); so its matrix must be orthogonal (M·Mᵀ = I). Checked exactly on uniform and uneven grids.
/// </summary>
public class BrownianBridgeTests
{
    [Theory]
    [InlineData(new[] { 1.0 })]
    [InlineData(new[] { 0.25, 0.5, 0.75, 1.0 })]
    [InlineData(new[] { 0.01, 0.02, 0.5, 0.51, 0.9, 2.0, 2.5 })]
    public void Transform_AnyGrid_MatrixIsOrthogonal(double[] times)
    {
        var bridge = new BrownianBridge(new TimeGrid(times));
        int n = times.Length;
        // Column c of the input is the unit vector e_c: the output column is column c of M.
        var normals = new double[n * n];
        for (int c = 0; c < n; c++) normals[c * n + c] = 1;
        bridge.Transform(normals, new double[(n + 1) * n], n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int c = 0; c < n; c++) dot += normals[i * n + c] * normals[j * n + c];
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 12);
            }
        }
    }

    [Fact]
    public void Transform_FirstNormal_SetsTheTerminalValue()
    {
        // W(T) = √T·z_0, so the increments of a path driven only by z_0 = 1 sum to √T... in W units.
        var grid = TimeGrid.Uniform(2.0, 8);
        var bridge = new BrownianBridge(grid);
        var normals = new double[8];
        normals[0] = 1;
        bridge.Transform(normals, new double[9], 1);
        double terminal = 0;
        for (int k = 0; k < 8; k++) terminal += normals[k] * Math.Sqrt(grid.Steps[k]);
        Assert.Equal(Math.Sqrt(2.0), terminal, 12);
    }
}
