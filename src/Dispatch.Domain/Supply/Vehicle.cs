using Dispatch.Domain.People;

namespace Dispatch.Domain.Supply;

/// <summary>A supply truck based at a supermarket.</summary>
public sealed record Vehicle(string Id, string SupermarketId, long CapacityGrams, Shift Shift);
