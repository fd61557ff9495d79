using System.Globalization;
using Dispatch.Domain.Supply;
using nietras.SeparatedValues;

namespace Dispatch.Domain.Orders;

/// <summary>
/// The orders CSV a supermarket pushes: one order a row, bundle counts per kind in columns, rows of a batch
/// sharing its batch id. Read through Sep: fields may be quoted (RFC 4180), columns are found by their header name
/// in any order (case and surrounding spaces ignored), an absent bundle column or an empty count is 0. Reading only
/// checks the format; <see cref="OrderBatchValidator"/> judges the content.
/// </summary>
public static class OrderCsv
{
    public const string Header = "batch_id,supermarket_id,grid_id,day,order_id,household_id,meat_and_vegetable,vegetable,rice_and_flour,medicine";

    private const string BatchIdColumn = "batch_id";
    private const string SupermarketIdColumn = "supermarket_id";
    private const string GridIdColumn = "grid_id";
    private const string DayColumn = "day";
    private const string OrderIdColumn = "order_id";
    private const string HouseholdIdColumn = "household_id";

    private static readonly string[] s_idColumns = [BatchIdColumn, SupermarketIdColumn, GridIdColumn, DayColumn, OrderIdColumn, HouseholdIdColumn];

    // Column order of the quantity fields when writing, matching the header.
    private static readonly BundleKind[] s_quantityColumns =
        [BundleKind.MeatAndVegetable, BundleKind.Vegetable, BundleKind.RiceAndFlour, BundleKind.Medicine];

    public static void Write(TextWriter writer, IEnumerable<OrderBatch> batches)
    {
        using var csv = Sep.New(',').Writer(o => o with { Escape = true }).To(writer, leaveOpen: true);
        csv.Header.Add(Header.Split(','));
        foreach (var batch in batches)
        {
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

                using var row = csv.NewRow();
                row[BatchIdColumn].Set(batch.BatchId);
                row[SupermarketIdColumn].Set(batch.SupermarketId);
                row[GridIdColumn].Set(batch.GridId);
                row[DayColumn].Format(batch.Day);
                row[OrderIdColumn].Set(order.OrderId);
                row[HouseholdIdColumn].Set(order.HouseholdId);
                for (int k = 0; k < s_quantityColumns.Length; k++)
                {
                    row[ColumnName(s_quantityColumns[k])].Format(counts[k]);
                }
            }
        }
    }

    /// <summary>
    /// Reads batches in the order their ids first appear. <paramref name="fileName"/> names the source in errors.
    /// </summary>
    /// <exception cref="OrderFileFormatException">A line that is not in the format, with its line number.</exception>
    public static IReadOnlyList<OrderBatch> Read(TextReader reader, string fileName)
    {
        using var csv = Open(reader, fileName);
        if (csv.Header.IsEmpty)
        {
            throw new OrderFileFormatException(fileName, 1, $"the file is empty; expected the header '{Header}'");
        }

        var columns = Columns.Of(csv.Header, fileName);
        var batches = new List<(OrderBatch First, List<OrderLineItem> Orders)>();
        var batchIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        while (MoveNext(csv, fileName))
        {
            var row = csv.Current;
            int lineNumber = row.LineNumberFrom;
            if (IsBlank(row))
            {
                continue;
            }

            if (row.LineNumberToExcl - lineNumber > 1)
            {
                // No field of this format holds a line break: a quote was left open.
                throw new OrderFileFormatException(fileName, lineNumber, $"a quoted field runs over {row.LineNumberToExcl - lineNumber} lines: is a closing quote missing?");
            }

            if (row.ColCount != csv.Header.ColNames.Count)
            {
                throw new OrderFileFormatException(fileName, lineNumber, $"expected {csv.Header.ColNames.Count} fields as in the header, found {row.ColCount}");
            }

            string batchId = row[columns.BatchId].ToString();
            if (batchId.Length == 0)
            {
                throw new OrderFileFormatException(fileName, lineNumber, "batch_id is empty");
            }

            string supermarketId = row[columns.SupermarketId].ToString();
            string gridId = row[columns.GridId].ToString();
            int day = ParseInt(fileName, lineNumber, row[columns.Day], DayColumn);
            var lines = new List<BundleQuantity>(columns.Quantities.Count);
            foreach (var (kind, index) in columns.Quantities)
            {
                int quantity = ParseInt(fileName, lineNumber, row[index], ColumnName(kind));

                // Zero means "none of this kind"; negatives are kept for validation to reject with a reason.
                if (quantity != 0)
                {
                    lines.Add(new BundleQuantity(kind, quantity));
                }
            }

            var item = new OrderLineItem(row[columns.OrderId].ToString(), row[columns.HouseholdId].ToString(), lines);
            if (batchIndex.TryGetValue(batchId, out int existing))
            {
                var first = batches[existing].First;
                if (first.SupermarketId != supermarketId || first.GridId != gridId || first.Day != day)
                {
                    throw new OrderFileFormatException(fileName, lineNumber,
                        $"batch '{batchId}' was supermarket '{first.SupermarketId}', grid '{first.GridId}', day {first.Day} on its first row, "
                        + $"this row says '{supermarketId}', '{gridId}', {day}");
                }

                batches[existing].Orders.Add(item);
            }
            else
            {
                var orders = new List<OrderLineItem> { item };
                batchIndex.Add(batchId, batches.Count);
                batches.Add((new OrderBatch(supermarketId, batchId, gridId, day, orders), orders));
            }
        }

        return batches.Select(b => b.First).ToList();
    }

    private static SepReader Open(TextReader reader, string fileName)
    {
        try
        {
            // The column count is checked here, so the error names the line and the header's count.
            return Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(reader);
        }
        catch (InvalidDataException e)
        {
            throw new OrderFileFormatException(fileName, 1, e.Message);
        }
    }

    // Sep reports malformed input (e.g. a quote never closed) as InvalidDataException while moving to the next row.
    private static bool MoveNext(SepReader csv, string fileName)
    {
        try
        {
            return csv.MoveNext();
        }
        catch (InvalidDataException e)
        {
            throw new OrderFileFormatException(fileName, 0, e.Message);
        }
    }

    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row[0].Span.IsWhiteSpace();

    /// <summary>Where each known column is in this file's header.</summary>
    private sealed record Columns(int BatchId, int SupermarketId, int GridId, int Day, int OrderId, int HouseholdId, IReadOnlyList<(BundleKind Kind, int Index)> Quantities)
    {
        public static Columns Of(SepReaderHeader header, string fileName)
        {
            var known = s_idColumns.Concat(s_quantityColumns.Select(ColumnName)).ToList();
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.ColNames.Count; i++)
            {
                // A byte-order mark left on the first name (text not read through a StreamReader) is not part of it.
                string name = header.ColNames[i].Trim().TrimStart('\uFEFF').Trim();
                if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new OrderFileFormatException(fileName, 1, $"unknown column '{Shorten(name)}'; the columns are {string.Join(", ", known)}");
                }

                if (!index.TryAdd(name, i))
                {
                    throw new OrderFileFormatException(fileName, 1, $"column '{name}' appears twice");
                }
            }

            var missing = s_idColumns.Where(c => !index.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                throw new OrderFileFormatException(fileName, 1,
                    $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; expected a header like '{Header}' (any order)");
            }

            var quantities = s_quantityColumns.Where(k => index.ContainsKey(ColumnName(k))).Select(k => (k, index[ColumnName(k)])).ToList();
            if (quantities.Count == 0)
            {
                throw new OrderFileFormatException(fileName, 1, $"no bundle column: give at least one of {string.Join(", ", s_quantityColumns.Select(ColumnName))}");
            }

            return new Columns(index[BatchIdColumn], index[SupermarketIdColumn], index[GridIdColumn], index[DayColumn], index[OrderIdColumn], index[HouseholdIdColumn], quantities);
        }
    }

    private static string ColumnName(BundleKind kind) => kind switch
    {
        BundleKind.MeatAndVegetable => "meat_and_vegetable",
        BundleKind.Vegetable => "vegetable",
        BundleKind.RiceAndFlour => "rice_and_flour",
        BundleKind.Medicine => "medicine",
        _ => kind.ToString(),
    };

    private static int ParseInt(string fileName, int lineNumber, SepReader.Col col, string column)
    {
        var text = col.Span;
        if (text.IsEmpty)
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new OrderFileFormatException(fileName, lineNumber, $"{column} '{Shorten(text.ToString())}' is not a whole number");
    }

    // Errors quote at most a short prefix of what the file holds.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
