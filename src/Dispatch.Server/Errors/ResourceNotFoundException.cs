using Dispatch.Domain.Orders;

namespace Dispatch.Server.Errors;

/// <summary>A named resource does not exist; becomes NOT_FOUND. The id is quoted short.</summary>
public sealed class ResourceNotFoundException(string kind, string id) : Exception($"{kind} '{IdText.Quote(id, 2 * IdText.QuotedLength)}' not found")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
