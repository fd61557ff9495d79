namespace Dispatch.Domain.Geography;

/// <summary>
/// A gate, community, household, volunteer or truck id qualified by its district, for views across a city where the
/// same local id (every district has a <c>C01-G1</c>) names different things: written <c>district/local</c>.
/// </summary>
public readonly record struct DistrictScopedId(DistrictId District, string LocalId)
{
    public override string ToString() => $"{District}{DistrictId.ScopeSeparator}{LocalId}";

    /// <summary>Reads <c>district/local</c>; the district is the text before the first separator.</summary>
    public static bool TryParse(string? text, out DistrictScopedId id)
    {
        id = default;
        int at = text?.IndexOf(DistrictId.ScopeSeparator, StringComparison.Ordinal) ?? -1;
        if (at <= 0 || at == text!.Length - 1 || DistrictId.Problem(text[..at]) is not null)
        {
            return false;
        }

        id = new DistrictScopedId(new DistrictId(text[..at]), text[(at + 1)..]);
        return true;
    }
}
