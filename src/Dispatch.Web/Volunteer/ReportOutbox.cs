using System.Text.Json;
using Dispatch.Contracts.V1;
using Dispatch.Web.Shared;
using Grpc.Core;

namespace Dispatch.Web.Volunteer;

/// <summary>
/// Reports (trip starts, deliveries, failures, pickups) go through this outbox: kept in localStorage first, then
/// sent in the order they were made. Without a connection they wait and are sent again every few seconds until the
/// server answers; the calls are idempotent, so one that reached the server before the connection dropped is
/// answered as a replay, never stored twice. A refusal (wrong code, not on the route, goods still resting) is
/// taken off and shown.
/// </summary>
public sealed class ReportOutbox(DispatchClients clients, LocalStore store) : IAsyncDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<PendingReport> _pending = [];
    private readonly Dictionary<string, ReportAnswer> _answers = new(StringComparer.Ordinal);
    private SignedIn? _volunteer;
    private CancellationTokenSource? _retrying;

    public event Action? Changed;

    public IReadOnlyList<PendingReport> Pending => _pending;

    /// <summary>True after a send failed for want of a connection, until one succeeds.</summary>
    public bool WaitingForConnection { get; private set; }

    /// <summary>The latest answer about a target (a delivery id, "trip:N" or an order id), if any.</summary>
    public ReportAnswer? AnswerFor(ReportKind kind, string target) => _answers.GetValueOrDefault($"{kind}:{target}");

    public bool IsPending(ReportKind kind, string target) => _pending.Any(p => p.Kind == kind && p.Target == target);

    /// <summary>Loads this volunteer's unsent reports and starts sending them.</summary>
    public async Task StartAsync(SignedIn volunteer)
    {
        _volunteer = volunteer;
        _pending.Clear();
        _answers.Clear();
        string? saved = await store.GetAsync(StoreKey(volunteer));
        if (saved is not null)
        {
            _pending.AddRange(JsonSerializer.Deserialize(saved, StoredJson.Default.ListPendingReport) ?? []);
        }

        _retrying?.Cancel();
        _retrying = new CancellationTokenSource();
        _ = RetryLoopAsync(_retrying.Token);
        Changed?.Invoke();
        await SendAsync();
    }

    public async Task AddAsync(ReportKind kind, string target, string code = "", FailureReason reason = FailureReason.Unspecified)
    {
        var volunteer = _volunteer ?? throw new InvalidOperationException("sign in first");
        var report = new PendingReport(Guid.NewGuid().ToString("N"), kind, volunteer.SubjectId, target, code.Trim(), reason, DateTimeOffset.UtcNow);
        _pending.RemoveAll(p => p.Key == report.Key);
        _pending.Add(report);
        _answers.Remove(report.Key);
        await SaveAsync();
        Changed?.Invoke();
        await SendAsync();
    }

    /// <summary>Sends what is pending, oldest first; stops at the first that cannot reach the server.</summary>
    public async Task SendAsync()
    {
        if (_volunteer is not { } volunteer || !await _sending.WaitAsync(0))
        {
            return;
        }

        try
        {
            while (_pending.Count > 0)
            {
                var report = _pending[0];
                ReportAnswer answer;
                try
                {
                    answer = await SendOneAsync(volunteer, report);
                }
                catch (RpcException e) when (IsConnectionProblem(e.StatusCode))
                {
                    _pending[0] = report with { Attempts = report.Attempts + 1 };
                    WaitingForConnection = true;
                    await SaveAsync();
                    Changed?.Invoke();
                    return;
                }
                catch (RpcException e)
                {
                    answer = new ReportAnswer(report.Kind, report.Target, e.StatusCode, e.Status.Detail);
                }

                WaitingForConnection = false;
                _pending.RemoveAt(0);
                _answers[report.Key] = answer;
                await SaveAsync();
                Changed?.Invoke();
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _retrying?.Cancel();
        await Task.CompletedTask;
    }

    // A refusal has a reason to show; anything that says the call did not get an answer is tried again.
    private static bool IsConnectionProblem(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.ResourceExhausted;

    private async Task<ReportAnswer> SendOneAsync(SignedIn volunteer, PendingReport report)
    {
        var client = clients.Volunteers(volunteer.ApiKey);
        var deadline = DateTime.UtcNow.Add(CallDeadline);
        switch (report.Kind)
        {
            case ReportKind.StartTrip:
                await client.StartTripAsync(new StartTripRequest { VolunteerId = report.VolunteerId, TripNumber = int.Parse(report.Target, System.Globalization.CultureInfo.InvariantCulture) }, deadline: deadline);
                break;
            case ReportKind.Delivered:
                await client.ReportStopAsync(new ReportStopRequest { VolunteerId = report.VolunteerId, DeliveryId = report.Target, Delivered = new Delivered { ConfirmationCode = report.Code } }, deadline: deadline);
                break;
            case ReportKind.Failed:
                await client.ReportStopAsync(new ReportStopRequest { VolunteerId = report.VolunteerId, DeliveryId = report.Target, Failed = new Failed { Reason = report.Reason } }, deadline: deadline);
                break;
            case ReportKind.Pickup:
                await client.ConfirmPickupAsync(new ConfirmPickupRequest { VolunteerId = report.VolunteerId, OrderId = report.Target, ConfirmationCode = report.Code }, deadline: deadline);
                break;
        }

        return new ReportAnswer(report.Kind, report.Target, StatusCode.OK, string.Empty);
    }

    private async Task RetryLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RetryEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_pending.Count > 0)
                {
                    await SendAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SaveAsync()
    {
        if (_volunteer is { } volunteer)
        {
            await store.SetAsync(StoreKey(volunteer), JsonSerializer.Serialize(_pending, StoredJson.Default.ListPendingReport));
        }
    }

    private static string StoreKey(SignedIn volunteer) => "dispatch.outbox." + volunteer.SubjectId;
}
