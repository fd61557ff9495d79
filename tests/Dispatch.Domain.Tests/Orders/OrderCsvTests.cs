using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Tests.Orders;

public sealed class OrderCsvTests
{
    private const string FileName = "orders-day1.csv";

    [Fact]
    public void Written_batches_read_back_equal()
    {
        OrderBatch[] batches =
        [
            new("SM1", "SM1-G1-1-d1", "G1-1", 1,
            [
                new OrderLineItem("O-d1-H1", "H1", [new(BundleKind.MeatAndVegetable, 1), new(BundleKind.Vegetable, 2)]),
                new OrderLineItem("O-d1-H2", "H2", [new(BundleKind.RiceAndFlour, 1), new(BundleKind.Medicine, 3)]),
            ]),
            new("SM2", "SM2-G1-2-d1", "G1-2", 1,
            [
                new OrderLineItem("O-d1-H3", "H3", [new(BundleKind.Vegetable, 1)]),
            ]),
        ];

        var writer = new StringWriter();
        OrderCsv.Write(writer, batches);
        var read = OrderCsv.Read(new StringReader(writer.ToString()), FileName);

        Assert.Equal(Flatten(batches), Flatten(read));
    }

    [Fact]
    public void Written_file_starts_with_the_header_and_has_zero_for_missing_kinds()
    {
        var writer = new StringWriter();
        OrderCsv.Write(writer, [new OrderBatch("SM1", "B1", "G1-1", 2, [new OrderLineItem("O1", "H1", [new(BundleKind.Vegetable, 2)])])]);

        Assert.Equal($"{OrderCsv.Header}\nB1,SM1,G1-1,2,O1,H1,0,2,0,0\n", writer.ToString());
    }

    [Fact]
    public void Rows_are_grouped_by_batch_id_in_first_seen_order()
    {
        string csv = $"""
            {OrderCsv.Header}
            B2,SM1,G1-2,1,O1,H1,1,0,0,0
            B1,SM1,G1-1,1,O2,H2,0,1,0,0

            B2,SM1,G1-2,1,O3,H3,0,0,1,0
            """;

        var read = OrderCsv.Read(new StringReader(csv), FileName);

        Assert.Equal(["B2", "B1"], read.Select(b => b.BatchId));
        Assert.Equal(["O1", "O3"], read[0].Orders.Select(o => o.OrderId));
    }

    [Fact]
    public void Zero_quantities_are_omitted_and_negative_ones_kept_for_validation()
    {
        string csv = $"{OrderCsv.Header}\nB1,SM1,G1-1,1,O1,H1,0,-2,0,1\nB1,SM1,G1-1,1,O2,H2,0,0,0,0\n";

        var read = OrderCsv.Read(new StringReader(csv), FileName);

        Assert.Equal([new BundleQuantity(BundleKind.Vegetable, -2), new BundleQuantity(BundleKind.Medicine, 1)], read[0].Orders[0].Lines);
        Assert.Empty(read[0].Orders[1].Lines);
    }

    [Theory]
    [InlineData("B1,SM1,G1-1,1,O2,H2,0,two,0,0", "vegetable 'two' is not a whole number")]
    [InlineData("B1,SM1,G1-1,one,O2,H2,0,1,0,0", "day 'one' is not a whole number")]
    [InlineData("B1,SM1,G1-1,1,O2,H2,0,1,0", "expected 10 fields as in the header, found 9")]
    [InlineData("B1,SM1,G1-1,1,O2,H2,0,1,0,0,7", "expected 10 fields as in the header, found 11")]
    [InlineData("B1,SM1,G1-1,1,O2,H2,1.5,1,0,0", "meat_and_vegetable '1.5'")]
    [InlineData(",SM1,G1-1,1,O2,H2,0,1,0,0", "batch_id is empty")]
    [InlineData("B1,SM2,G1-1,1,O2,H2,0,1,0,0", "batch 'B1' was supermarket 'SM1'")]
    [InlineData("B1,SM1,G1-2,1,O2,H2,0,1,0,0", "grid 'G1-1'")]
    [InlineData("B1,SM1,G1-1,2,O2,H2,0,1,0,0", "day 1 on its first row")]
    public void Format_error_names_the_file_and_line(string badRow, string expected)
    {
        string csv = $"{OrderCsv.Header}\nB1,SM1,G1-1,1,O1,H1,1,0,0,0\n{badRow}\n";

        var error = Assert.Throws<OrderFileFormatException>(() => OrderCsv.Read(new StringReader(csv), FileName));

        Assert.Equal(3, error.Line);
        Assert.Equal(FileName, error.File);
        Assert.StartsWith($"{FileName}:3: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Quoted_fields_are_read_without_their_quotes_and_may_hold_commas()
    {
        string csv = $"{OrderCsv.Header}\n\"B,1\",\"SM1\",G1-1,\"3\",\"O \"\"1\"\"\",H1, 1 ,\"2\",0,0\n";

        var read = OrderCsv.Read(new StringReader(csv), FileName);

        Assert.Equal("B,1", read[0].BatchId);
        Assert.Equal("SM1", read[0].SupermarketId);
        Assert.Equal(3, read[0].Day);
        Assert.Equal("O \"1\"", read[0].Orders[0].OrderId);
        Assert.Equal([new BundleQuantity(BundleKind.MeatAndVegetable, 1), new BundleQuantity(BundleKind.Vegetable, 2)], read[0].Orders[0].Lines);
    }

    [Fact]
    public void Columns_are_found_by_header_name_in_any_order_and_case()
    {
        string csv = "Medicine,order_id,DAY,household_id,grid_id,vegetable,supermarket_id,batch_id\n1,O1,2,H1,G1-1,3,SM1,B1\n";

        var read = OrderCsv.Read(new StringReader(csv), FileName);

        Assert.Equal(["B1|SM1|G1-1|2|O1|H1|BundleQuantity { Kind = Vegetable, Quantity = 3 };BundleQuantity { Kind = Medicine, Quantity = 1 }"], Flatten(read));
    }

    [Fact]
    public void Written_ids_with_commas_and_quotes_read_back_equal()
    {
        OrderBatch[] batches = [new("SM1", "B,\"1\"", "G1-1", 1, [new OrderLineItem("O,1", "H\"1", [new(BundleKind.Medicine, 2)])])];
        var writer = new StringWriter();
        OrderCsv.Write(writer, batches);

        Assert.Equal(Flatten(batches), Flatten(OrderCsv.Read(new StringReader(writer.ToString()), FileName)));
    }

    [Theory]
    [InlineData("batch_id,supermarket_id,grid_id,day,order_id,household_id,meat_and_vegetable,medecine", "unknown column 'medecine'")]
    [InlineData("batch_id,supermarket_id,grid_id,order_id,household_id,vegetable", "missing column day")]
    [InlineData("batch_id,supermarket_id,grid_id,day,order_id,household_id", "no bundle column")]
    [InlineData("batch_id,supermarket_id,grid_id,day,order_id,household_id,vegetable,Vegetable", "column 'Vegetable' appears twice")]
    public void Header_problems_are_named_on_line_1(string header, string expected)
    {
        var error = Assert.Throws<OrderFileFormatException>(() => OrderCsv.Read(new StringReader(header + "\n"), FileName));

        Assert.Equal(1, error.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_quote_left_open_names_the_line_where_it_starts()
    {
        string csv = $"{OrderCsv.Header}\nB1,SM1,G1-1,1,O1,H1,1,0,0,0\nB1,SM1,G1-1,1,\"O2,H2,1,0,0,0\nB1,SM1,G1-1,1,O3,H3,1,0,0,0\n";

        var error = Assert.Throws<OrderFileFormatException>(() => OrderCsv.Read(new StringReader(csv), FileName));

        Assert.Equal(3, error.Line);
        Assert.Contains("closing quote", error.Message);
    }

    [Fact]
    public void Empty_counts_are_zero_and_a_byte_order_mark_is_ignored()
    {
        string csv = $"\uFEFF{OrderCsv.Header}\r\nB1,SM1,G1-1,1,O1,H1,,2,,\r\n";

        var read = OrderCsv.Read(new StringReader(csv), FileName);

        Assert.Equal([new BundleQuantity(BundleKind.Vegetable, 2)], read[0].Orders[0].Lines);
    }

    [Fact]
    public void Wrong_header_is_an_error_on_line_1()
    {
        var error = Assert.Throws<OrderFileFormatException>(() => OrderCsv.Read(new StringReader("batch,order\n"), FileName));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Empty_file_is_an_error_on_line_1()
    {
        var error = Assert.Throws<OrderFileFormatException>(() => OrderCsv.Read(new StringReader(string.Empty), FileName));

        Assert.Equal(1, error.Line);
    }

    private static List<string> Flatten(IEnumerable<OrderBatch> batches) =>
        batches.SelectMany(b => b.Orders.Select(o =>
            $"{b.BatchId}|{b.SupermarketId}|{b.GridId}|{b.Day}|{o.OrderId}|{o.HouseholdId}|{string.Join(';', o.Lines)}")).ToList();
}
