using Dispatch.Domain.Orders;

namespace Dispatch.Domain.Tests.Orders;

public sealed class IdTextTests
{
    [Theory]
    [InlineData("O-1")]
    [InlineData("订单-🚚-שלום")]
    [InlineData("'; DROP TABLE orders;--")]
    [InlineData("a b")]
    public void Printable_ids_within_the_length_keep_the_rules(string id) => Assert.Null(IdText.Problem(id, 64));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("O-\0", "printable")]
    [InlineData("O-\n1", "printable")]
    [InlineData("O-\u202E1", "printable")]
    [InlineData("O-\u200B1", "printable")]
    [InlineData("O-\u00A01", "printable")]
    [InlineData(" O-1", "space")]
    [InlineData("O-1 ", "space")]
    public void Empty_unprintable_or_space_padded_ids_break_the_rules(string id, string said) =>
        Assert.Contains(said, IdText.Problem(id, 64), StringComparison.Ordinal);

    [Fact]
    public void An_unpaired_surrogate_is_not_printable() => Assert.Contains("printable", IdText.Problem("O-" + (char)0xD800, 64), StringComparison.Ordinal);

    [Fact]
    public void An_id_over_the_length_breaks_the_rules() => Assert.Contains("at most 64", IdText.Problem(new string('x', 65), 64), StringComparison.Ordinal);

    [Fact]
    public void Quoting_keeps_a_short_printable_value_and_cuts_anything_else_short()
    {
        Assert.Equal("O-1", IdText.Quote("O-1"));
        Assert.Equal(new string('x', 32) + "…", IdText.Quote(new string('x', 15_000_000)));
        Assert.Equal("O-?-null", IdText.Quote("O-\0-null"));
        Assert.Equal("🚚🚚…", IdText.Quote(string.Concat(Enumerable.Repeat("🚚", 3)), maxLength: 5));
    }
}
