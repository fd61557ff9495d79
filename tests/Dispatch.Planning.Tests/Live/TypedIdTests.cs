using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Tests.Live;

/// <summary>Each typed id writes the text plans and live reports have always stored, and reads it back.</summary>
public sealed class TypedIdTests
{
    [Fact]
    public void A_consignment_is_load_and_piece()
    {
        var consignment = new ConsignmentRef("SM1>G1+1#2", 3);

        Assert.Equal("SM1>G1+1#2/3", consignment.ToString());
        Assert.Equal(consignment, ConsignmentRef.Parse("SM1>G1+1#2/3"));
        Assert.Equal(new ConsignmentRef("a/b", 1), ConsignmentRef.Parse("a/b/1"));
        Assert.Equal("L/2", ConsignmentRef.Of(new TruckStop("G1", "L", 2, 2, 0, 0, 0)).ToString());
    }

    [Fact]
    public void A_piece_of_a_load_is_told_from_a_load_with_a_longer_id()
    {
        Assert.True(ConsignmentRef.IsPieceOf("L1/2", "L1"));
        Assert.False(ConsignmentRef.IsPieceOf("L10/2", "L1"));
        Assert.False(ConsignmentRef.IsPieceOf("L1/x", "L1"));
        Assert.False(ConsignmentRef.IsPieceOf(null, "L1"));
        Assert.Throws<FormatException>(() => ConsignmentRef.Parse("L1"));
    }

    [Fact]
    public void Trips_are_owner_and_number()
    {
        Assert.Equal("T1/2", new TruckTripRef("T1", 2).ToString());
        Assert.Equal(new TruckTripRef("T1", 2), TruckTripRef.Parse("T1/2"));
        Assert.Equal("V1/12", new VolunteerTripRef("V1", 12).ToString());
        Assert.Equal(new VolunteerTripRef("V1", 12), VolunteerTripRef.Parse("V1/12"));
        Assert.Throws<FormatException>(() => VolunteerTripRef.Parse("V1/"));
        Assert.Throws<FormatException>(() => TruckTripRef.Parse("/2"));
    }

    [Fact]
    public void An_arrival_is_truck_gate_and_load_and_the_load_keeps_any_separator()
    {
        Assert.Equal("T1/G1/SM1>G1#1", new ArrivalRef("T1", "G1", "SM1>G1#1").ToString());
        Assert.Equal(new ArrivalRef("T1", "G1", "L/1"), ArrivalRef.Parse("T1/G1/L/1"));
        Assert.Throws<FormatException>(() => ArrivalRef.Parse("T1/G1"));
        Assert.Throws<FormatException>(() => ArrivalRef.Parse("T1//L"));
    }
}
