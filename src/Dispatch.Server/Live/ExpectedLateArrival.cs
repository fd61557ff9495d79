using Dispatch.Planning.Live;

namespace Dispatch.Server.Live;

/// <summary>A late truck's later stop, where it is now expected more than the lateness allowed.</summary>
/// <param name="Day">The live day it was foreseen in: a new district plan since makes it void.</param>
internal sealed record ExpectedLateArrival(LiveDay Day, string TruckId, ExpectedArrival Stop);
