using Dispatch.Contracts.V1;

namespace Dispatch.Web.Volunteer;

public enum ReportKind
{
    StartTrip,
    Delivered,
    Failed,
    Pickup,
}

/// <summary>
/// A report made on the phone and not yet answered by the server. <see cref="Target"/> is what it is about: a trip
/// number, a delivery id or an order id; one report per kind and target is kept (a newer one replaces it).
/// </summary>
public sealed record PendingReport(string Id, ReportKind Kind, string VolunteerId, string Target, string Code, FailureReason Reason, DateTimeOffset MadeAt)
{
    public int Attempts { get; init; }

    public string Key => $"{Kind}:{Target}";
}

/// <summary>What the server said to a report: accepted (<see cref="StatusCode.OK"/>, possibly a replay) or refused, with why.</summary>
public sealed record ReportAnswer(ReportKind Kind, string Target, Grpc.Core.StatusCode Status, string Detail)
{
    public bool Accepted => Status == Grpc.Core.StatusCode.OK;

    /// <summary>A delivery or pickup refused for its confirmation code.</summary>
    public bool WrongCode => Status == Grpc.Core.StatusCode.InvalidArgument && Kind is ReportKind.Delivered or ReportKind.Pickup;
}
