using System.Text;

namespace Dispatch.Server.Cluster;

/// <summary>
/// The order both databases list ids in: their UTF-8 bytes (SQLite's BINARY collation, PostgreSQL's C collation).
/// Merging districts' pages by it keeps page tokens exact; .NET's ordinal order differs for characters past U+FFFF.
/// </summary>
public sealed class StoredIdOrder : IComparer<string>
{
    public static StoredIdOrder Instance { get; } = new();

    public int Compare(string? x, string? y) =>
        Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? string.Empty));
}
