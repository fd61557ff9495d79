namespace Dispatch.Domain;

/// <summary>Named conversion factors between user units and the integer units used in planning.</summary>
public static class Units
{
    public const int GramsPerKilogram = 1_000;
    public const long GramsPerTonne = 1_000_000;
    public const int SecondsPerMinute = 60;
    public const int SecondsPerHour = 3_600;
    public const int SecondsPerDay = 86_400;
    public const int MetresPerKilometre = 1_000;

    public static int MinutesToSeconds(int minutes) => checked(minutes * SecondsPerMinute);

    public static int HoursToSeconds(int hours) => checked(hours * SecondsPerHour);

    public static long TonnesToGrams(double tonnes) => (long)Math.Round(tonnes * GramsPerTonne);
}
