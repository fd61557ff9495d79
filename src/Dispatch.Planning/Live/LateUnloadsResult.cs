namespace Dispatch.Planning.Live;

/// <summary>Every consignment unloaded at the gate, and those of the late truck's load.</summary>
public sealed record LateUnloadsResult(IReadOnlyList<GateUnload> Unloads, IReadOnlySet<string> LateConsignmentIds);
