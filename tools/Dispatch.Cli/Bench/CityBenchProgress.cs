namespace Dispatch.Cli.Bench;

/// <summary>The city bench's progress lines on stdout, one per step done, so a long run shows where it is.</summary>
internal static class CityBenchProgress
{
    public static void Line(string text) => Console.WriteLine($"city bench: {text}");
}
