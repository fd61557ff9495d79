using Dispatch.Cli.Simulation;

namespace Dispatch.Cli.Tests;

/// <summary>The communities chart's y axis: log when one community's late count dwarfs the others', so theirs stay apart.</summary>
public sealed class CountAxisTests
{
    [Fact]
    public void One_community_ten_times_the_next_puts_the_chart_on_a_log_axis_labelled_in_counts()
    {
        var axis = CountAxis.For([[0, 1_200, 2_280], [20, 130, 60], [50, 45, 0]]);

        Assert.True(axis.IsLog);
        Assert.Equal("late households (log scale)", axis.Label("late households"));
        Assert.Equal([0, Math.Log10(131), Math.Log10(61)], axis.Plotted([0, 130, 60]));
        var (positions, labels) = axis.LogTicks(2_280);
        Assert.Equal(["0", "1", "2", "5", "10", "20", "50", "100", "200", "500", "1,000", "2,000"], labels);
        Assert.Equal(Math.Log10(1_001), positions[Array.IndexOf(labels, "1,000")]);
    }

    [Fact]
    public void Counts_of_a_like_size_stay_on_a_linear_axis()
    {
        var axis = CountAxis.For([[0, 300, 280], [20, 130, 60], [0, 0, 0]]);

        Assert.False(axis.IsLog);
        Assert.Equal([0, 130, 60], axis.Plotted([0, 130, 60]));
        Assert.Equal("late households", axis.Label("late households"));
    }
}
