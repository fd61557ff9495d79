using Dispatch.Domain.Orders;

namespace Dispatch.Server.Errors;

/// <summary>The request is wrong as a whole; becomes INVALID_ARGUMENT with google.rpc.BadRequest details.</summary>
public sealed class InvalidRequestException(string message, IReadOnlyList<FieldViolation> violations) : Exception(message)
{
    public InvalidRequestException(string field, string description)
        : this($"{field}: {description}", [new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
