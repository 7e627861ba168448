using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// A sum of measures (how a book's underlying and total aggregates are read) equals the measure over all their terms:
/// the same value and standard error, path by path; a component must come earlier and carry no control variate.
/// </summary>
public sealed class MeasureSumTests
{
    private static readonly MonteCarloSettings Settings = new() { Paths = 20_000, Seed = 5, Antithetic = true };

    private static SimulationGroup Option(OptionType type, double strike) =>
        new(new Black76Model(80, 0.4), TimeGrid.Uniform(1, 1), new EuropeanPayoff(type, strike));

    [Fact]
    public void SumOfMeasures_EqualsTheMeasureOfAllTheirTerms()
    {
        var groups = new[] { Option(OptionType.Call, 80), Option(OptionType.Put, 70), Option(OptionType.Call, 95) };
        var call = Measure.Of(0, PayoffOutput.Value, 2);
        var puts = new Measure([new MeasureTerm(1, PayoffOutput.Value, -3), new MeasureTerm(2, PayoffOutput.Value)]);
        var sum = Measure.Sum([], [0, 1]);
        var direct = new Measure([new MeasureTerm(0, PayoffOutput.Value, 2), new MeasureTerm(1, PayoffOutput.Value, -3), new MeasureTerm(2, PayoffOutput.Value)]);
        var result = new SimulationJob(Settings, groups, [call, puts, sum, direct]).Run();
        Assert.Equal(result[3].Value, result[2].Value, 1e-12 * Math.Abs(result[3].Value));
        Assert.Equal(result[3].StandardError, result[2].StandardError, 1e-12 * result[3].StandardError);
        Assert.Equal(result[0].Value + result[1].Value, result[2].Value, 1e-12 * Math.Abs(result[3].Value)); // means add exactly too
    }

    [Fact]
    public void Component_LaterOrWithAControl_Refused()
    {
        var groups = new[] { Option(OptionType.Call, 80) };
        Assert.Throws<ArgumentException>(() => new SimulationJob(Settings, groups, [Measure.Sum([], [1]), Measure.Of(0, PayoffOutput.Value)]));
        var controlled = new Measure([new MeasureTerm(0, PayoffOutput.Value)], [new MeasureTerm(0, PayoffOutput.Control)], 80);
        Assert.Throws<ArgumentException>(() => new SimulationJob(Settings, groups, [controlled, Measure.Sum([], [0])]));
        Assert.Throws<InvalidOperationException>(() => Measure.Sum([], [0]).Scale(2));
    }
}
