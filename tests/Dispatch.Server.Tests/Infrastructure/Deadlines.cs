namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>Every call in these tests carries a deadline so a hung stream fails the test instead of hanging CI.</summary>
public static class Deadlines
{
    public static DateTime Soon => DateTime.UtcNow.AddSeconds(30);
}
