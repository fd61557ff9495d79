using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Bench;

/// <summary>
/// The orders a server holds, counted through ListOrders a page at a time (one supermarket per call chain, the chains
/// at once): how a benchmark checks that every acknowledged order was stored, from outside the server.
/// </summary>
public static class StoredOrders
{
    private const int PageSize = 1_000;

    public static async Task<int> CountAsync(OrderIntake.OrderIntakeClient client, IEnumerable<string> supermarketIds, CancellationToken cancellationToken)
    {
        int[] counts = await Task.WhenAll(supermarketIds.Distinct(StringComparer.Ordinal).Select(id => CountOfAsync(client, id, cancellationToken)));
        return counts.Sum();
    }

    private static async Task<int> CountOfAsync(OrderIntake.OrderIntakeClient client, string supermarketId, CancellationToken cancellationToken)
    {
        int count = 0;
        string pageToken = string.Empty;
        do
        {
            var page = await client.ListOrdersAsync(new ListOrdersRequest { SupermarketId = supermarketId, PageSize = PageSize, PageToken = pageToken }, cancellationToken: cancellationToken);
            count += page.Orders.Count;
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);

        return count;
    }
}
