using System.CommandLine;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch orders</c>: the group of order commands.</summary>
public static class OrdersCommand
{
    /// <summary>Builds <c>orders</c> with <c>generate</c> inside; the lead adds <c>list</c> to the returned command.</summary>
    public static Command Create()
    {
        var orders = new Command("orders", "Residents' orders as supermarkets push them");
        orders.Subcommands.Add(OrdersGenerateCommand.Create());
        return orders;
    }
}
