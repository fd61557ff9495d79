using System.Globalization;

namespace Dispatch.Web.Shared;

/// <summary>Plan times are seconds from the plan day's local midnight; shown as HH:mm (24:xx and on past midnight).</summary>
public static class PlanTime
{
    public static string Clock(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3_600:00}:{seconds % 3_600 / 60:00}");

    public static string Kilograms(long grams) => (grams / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " kg";
}
