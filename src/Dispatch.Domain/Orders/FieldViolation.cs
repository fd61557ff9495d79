namespace Dispatch.Domain.Orders;

/// <summary>A named input field and what is wrong with it, in the shape of google.rpc.BadRequest.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>An order of a batch that was not accepted, with the position it had in the batch.</summary>
public sealed record OrderRejection(int Index, string OrderId, string Field, string Reason);
