using Dispatch.Domain.Orders;

namespace Dispatch.Domain.Geography;

/// <summary>
/// A district's id: the key its scenario, plans and live state are found by, and the shard key of a city. Ids of
/// gates, communities, households, volunteers and trucks are scoped by their district (<see cref="DistrictScopedId"/>
/// qualifies one for a city-wide view); grid and supermarket ids are unique across a city.
/// </summary>
public readonly record struct DistrictId
{
    public const int MaxLength = 64;

    /// <summary>Separates the district from a local id in a <see cref="DistrictScopedId"/>.</summary>
    public const char ScopeSeparator = '/';

    /// <summary>Separates the parts of a move between districts (<c>FROM:TO:N</c>).</summary>
    public const char MoveSeparator = ':';

    /// <exception cref="ArgumentException">The text breaks the rules of <see cref="Problem"/>.</exception>
    public DistrictId(string value)
    {
        if (Problem(value) is { } problem)
        {
            throw new ArgumentException($"district id '{IdText.Quote(value)}' {problem}", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    /// <summary>What is wrong with <paramref name="value"/> as a district id, or null when it keeps the rules.</summary>
    public static string? Problem(string? value) =>
        IdText.Problem(value, MaxLength)
        ?? (value!.Contains(ScopeSeparator, StringComparison.Ordinal) || value.Contains(MoveSeparator, StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal)
            ? $"must not hold '{ScopeSeparator}', '{MoveSeparator}' or spaces (they separate district-scoped ids and moves)"
            : null);

    public override string ToString() => Value ?? string.Empty;
}
