using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Tests.Geography;

/// <summary>District ids key a city's districts; a district-scoped id writes and reads back as <c>district/local</c>.</summary>
public sealed class DistrictIdTests
{
    [Theory]
    [InlineData("jining-d01", null)]
    [InlineData("", "must not be empty")]
    [InlineData("a/b", "must not hold '/', ':' or spaces")]
    [InlineData("a:b", "must not hold '/', ':' or spaces")]
    [InlineData("a b", "must not hold '/', ':' or spaces")]
    public void District_id_rules(string text, string? problem)
    {
        string? found = DistrictId.Problem(text);

        if (problem is null)
        {
            Assert.Null(found);
            Assert.Equal(text, new DistrictId(text).ToString());
        }
        else
        {
            Assert.StartsWith(problem, found);
            Assert.Throws<ArgumentException>(() => new DistrictId(text));
        }
    }

    [Fact]
    public void Scoped_id_reads_back_what_it_writes_and_refuses_text_without_a_district()
    {
        var id = new DistrictScopedId(new DistrictId("jining-d02"), "C01-G1");

        Assert.Equal("jining-d02/C01-G1", id.ToString());
        Assert.True(DistrictScopedId.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
        Assert.True(DistrictScopedId.TryParse("d/V07/2", out var nested));
        Assert.Equal("V07/2", nested.LocalId);
        Assert.False(DistrictScopedId.TryParse("C01-G1", out _));
        Assert.False(DistrictScopedId.TryParse("/C01-G1", out _));
        Assert.False(DistrictScopedId.TryParse("d/", out _));
        Assert.False(DistrictScopedId.TryParse(null, out _));
    }
}
