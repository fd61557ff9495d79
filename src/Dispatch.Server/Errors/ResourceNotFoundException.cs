namespace Dispatch.Server.Errors;

/// <summary>A named resource does not exist; becomes NOT_FOUND.</summary>
public sealed class ResourceNotFoundException(string kind, string id) : Exception($"{kind} '{id}' not found")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
