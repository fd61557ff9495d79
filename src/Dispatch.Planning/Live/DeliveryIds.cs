namespace Dispatch.Planning.Live;

/// <summary>
/// Delivery ids as routes use them: the order id, "#k/n" for a parcel of a heavy order, and "@retry" for the
/// second try at a door that did not answer (a new stop, so the first one stays in the history as failed).
/// </summary>
public static class DeliveryIds
{
    public const string RetrySuffix = "@retry";

    public static string RetryOf(string deliveryId) => deliveryId + RetrySuffix;

    public static bool IsRetry(string deliveryId) => deliveryId.EndsWith(RetrySuffix, StringComparison.Ordinal);

    /// <summary>The delivery a retry repeats (the id itself when it is not a retry).</summary>
    public static string FirstTryOf(string deliveryId) => IsRetry(deliveryId) ? deliveryId[..^RetrySuffix.Length] : deliveryId;

    public static string OrderIdOf(string deliveryId)
    {
        string first = FirstTryOf(deliveryId);
        int hash = first.LastIndexOf('#');
        return hash < 0 ? first : first[..hash];
    }

    /// <summary>The delivery id of parcel <paramref name="parcel"/> of <paramref name="parcels"/> (the order id when it goes up whole).</summary>
    public static string ParcelIdOf(string orderId, int parcel, int parcels) => parcels == 1 ? orderId : $"{orderId}#{parcel}/{parcels}";

    /// <summary>Parcel k of n (1 of 1 when the order goes up whole).</summary>
    public static (int Parcel, int Parcels) ParcelOf(string deliveryId)
    {
        string first = FirstTryOf(deliveryId);
        int hash = first.LastIndexOf('#');
        if (hash < 0)
        {
            return (1, 1);
        }

        var parts = first[(hash + 1)..].Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out int k) && int.TryParse(parts[1], out int n) && k >= 1 && k <= n ? (k, n) : (1, 1);
    }
}
