using System.Globalization;
using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Orders;

/// <summary>
/// The orders CSV a supermarket pushes: one order a row, bundle counts per kind in columns, rows of a batch
/// sharing its batch id. Reading only checks the format; <see cref="OrderBatchValidator"/> judges the content.
/// </summary>
public static class OrderCsv
{
    public const string Header = "batch_id,supermarket_id,grid_id,day,order_id,household_id,meat_and_vegetable,vegetable,rice_and_flour,medicine";

    private const int FieldCount = 10;
    private const int FirstQuantityField = 6;

    // Column order of the quantity fields, matching the header.
    private static readonly BundleKind[] s_quantityColumns =
        [BundleKind.MeatAndVegetable, BundleKind.Vegetable, BundleKind.RiceAndFlour, BundleKind.Medicine];

    public static void Write(TextWriter writer, IEnumerable<OrderBatch> batches)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var batch in batches)
        {
            string day = batch.Day.ToString(CultureInfo.InvariantCulture);
            foreach (var order in batch.Orders)
            {
                var counts = new int[s_quantityColumns.Length];
                foreach (var line in order.Lines)
                {
                    int column = Array.IndexOf(s_quantityColumns, line.Kind);
                    if (column < 0)
                    {
                        throw new ArgumentException($"order '{order.OrderId}' has unknown bundle kind {(int)line.Kind}", nameof(batches));
                    }

                    counts[column] += line.Quantity;
                }

                writer.Write(string.Join(',',
                    batch.BatchId, batch.SupermarketId, batch.GridId, day, order.OrderId, order.HouseholdId,
                    string.Join(',', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)))));
                writer.Write('\n');
            }
        }
    }

    /// <summary>
    /// Reads batches in the order their ids first appear. <paramref name="fileName"/> names the source in errors.
    /// </summary>
    /// <exception cref="OrderFileFormatException">A line that is not in the format, with its line number.</exception>
    public static IReadOnlyList<OrderBatch> Read(TextReader reader, string fileName)
    {
        string? line = reader.ReadLine();
        if (line is null || line.Trim().TrimStart('\uFEFF') != Header)
        {
            throw new OrderFileFormatException(fileName, 1, $"expected header '{Header}'");
        }

        var batches = new List<(OrderBatch First, List<OrderLineItem> Orders)>();
        var batchIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length != FieldCount)
            {
                throw new OrderFileFormatException(fileName, lineNumber, $"expected {FieldCount} fields, found {f.Length}");
            }

            if (f[0].Length == 0)
            {
                throw new OrderFileFormatException(fileName, lineNumber, "batch_id is empty");
            }

            int day = ParseInt(fileName, lineNumber, f[3], "day");
            var lines = new List<BundleQuantity>(s_quantityColumns.Length);
            for (int k = 0; k < s_quantityColumns.Length; k++)
            {
                var kind = s_quantityColumns[k];
                int quantity = ParseInt(fileName, lineNumber, f[FirstQuantityField + k], ColumnName(kind));

                // Zero means "none of this kind"; negatives are kept for validation to reject with a reason.
                if (quantity != 0)
                {
                    lines.Add(new BundleQuantity(kind, quantity));
                }
            }

            var item = new OrderLineItem(f[4], f[5], lines);
            if (batchIndex.TryGetValue(f[0], out int index))
            {
                var first = batches[index].First;
                if (first.SupermarketId != f[1] || first.GridId != f[2] || first.Day != day)
                {
                    throw new OrderFileFormatException(fileName, lineNumber,
                        $"batch '{f[0]}' was supermarket '{first.SupermarketId}', grid '{first.GridId}', day {first.Day} on its first row, "
                        + $"this row says '{f[1]}', '{f[2]}', {day}");
                }

                batches[index].Orders.Add(item);
            }
            else
            {
                var orders = new List<OrderLineItem> { item };
                batchIndex.Add(f[0], batches.Count);
                batches.Add((new OrderBatch(f[1], f[0], f[2], day, orders), orders));
            }
        }

        return batches.Select(b => b.First).ToList();
    }

    private static string ColumnName(BundleKind kind) => kind switch
    {
        BundleKind.MeatAndVegetable => "meat_and_vegetable",
        BundleKind.Vegetable => "vegetable",
        BundleKind.RiceAndFlour => "rice_and_flour",
        BundleKind.Medicine => "medicine",
        _ => kind.ToString(),
    };

    private static int ParseInt(string fileName, int lineNumber, string text, string column) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new OrderFileFormatException(fileName, lineNumber, $"{column} '{text}' is not a whole number");
}
