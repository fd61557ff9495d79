namespace Dispatch.Server.Live;

/// <summary>Why a volunteer could not hand goods over at a door.</summary>
public enum DoorFailure
{
    NoAnswer = 1,
    WrongAddress = 2,
    Refused = 3,
    GoodsDamaged = 4,
}
