using Dispatch.Cli.Commands;
using Dispatch.Domain.Orders;

namespace Dispatch.Cli.Intake;

/// <summary>An orders CSV read from disk; a missing file is bad input naming the path.</summary>
public static class OrderFile
{
    public static IReadOnlyList<OrderBatch> Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CommandFailedException($"orders file '{file.FullName}' not found", Exit.BadInput);
        }

        using var reader = file.OpenText();
        return OrderCsv.Read(reader, file.FullName);
    }
}
