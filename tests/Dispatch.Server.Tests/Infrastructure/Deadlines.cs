namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>Every call in these tests carries a deadline so a hung stream fails the test instead of hanging CI.</summary>
public static class Deadlines
{
    public static DateTime Soon => DateTime.UtcNow.AddSeconds(30);

    /// <summary>A deadline for calls that may wait on slower work (several server processes starting, a plan).</summary>
    public static DateTime In(TimeSpan span) => DateTime.UtcNow.Add(span);
}
