using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;

namespace Dispatch.Server.Services;

/// <summary>
/// The id rules (<see cref="IdText"/>) on request fields, checked before anything is looked up: a field that breaks
/// them is INVALID_ARGUMENT naming the field, and its value is never echoed whole.
/// </summary>
public static class RequestChecks
{
    /// <summary>Ids chosen by callers or taken from the scenario (supermarket, grid, order, volunteer, truck, gate ...).</summary>
    public static int MaxIdLength => IntakeLimits.Default.MaxIdLength;

    /// <summary>
    /// Ids the engine composes from others: an order_ref is "supermarket/order", a delivery id adds "#k/n" and "@retry",
    /// a load id names a supermarket, a gate and a top-up.
    /// </summary>
    public const int MaxComposedIdLength = 160;

    /// <summary>A required id.</summary>
    public static void Id(string field, string value, int maxLength = 0)
    {
        if (IdText.Problem(value, maxLength == 0 ? MaxIdLength : maxLength) is { } problem)
        {
            throw new InvalidRequestException(field, problem);
        }
    }

    /// <summary>An id that may be left empty (a filter); returns null for empty.</summary>
    public static string? OptionalId(string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        Id(field, value);
        return value;
    }
}
