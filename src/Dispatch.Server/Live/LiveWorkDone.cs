namespace Dispatch.Server.Live;

/// <summary>Background work of the live day that has ended (see <see cref="LiveWork"/>).</summary>
/// <param name="PlanVersion">The plan version after it.</param>
/// <param name="Error">Why it failed; null when it did its work.</param>
public abstract record LiveWorkDone(int PlanVersion, Exception? Error);

/// <summary>Orders stored for a planned day went through a top-up (those of another day or already planned are left as they were).</summary>
/// <param name="OrderIds">Every order the top-up was given.</param>
public sealed record TopUpCompleted(IReadOnlyList<string> OrderIds, int PlanVersion, Exception? Error = null) : LiveWorkDone(PlanVersion, Error);

/// <summary>A gate re-planned in the background (a late truck expected at it), or found it had nothing to do.</summary>
public sealed record ReplanCompleted(string GateId, string Cause, int PlanVersion, Exception? Error = null) : LiveWorkDone(PlanVersion, Error);
