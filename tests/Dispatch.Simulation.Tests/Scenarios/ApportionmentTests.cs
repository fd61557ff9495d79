using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Scenarios;

public sealed class ApportionmentTests
{
    [Theory]
    [InlineData(53_333, new[] { 1.0, 1.1, 0.9, 1.2, 0.8 })]
    [InlineData(10, new[] { 1.0, 1.0, 1.0 })]
    [InlineData(0, new[] { 2.0, 1.0 })]
    public void Parts_sum_to_the_total(int total, double[] weights)
    {
        Assert.Equal(total, Apportionment.Split(total, weights).Sum());
    }

    [Fact]
    public void Ties_go_to_the_lower_index()
    {
        Assert.Equal([4, 3, 3], Apportionment.Split(10, [1.0, 1.0, 1.0]));
    }

    [Fact]
    public void Every_part_gets_its_minimum()
    {
        var parts = Apportionment.Split(10, [100.0, 0.0, 0.0], minimumEach: 2);

        Assert.Equal([6, 2, 2], parts);
    }
}
