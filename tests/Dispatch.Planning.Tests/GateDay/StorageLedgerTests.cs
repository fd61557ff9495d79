using Dispatch.Planning.GateDay;

namespace Dispatch.Planning.Tests.GateDay;

public sealed class StorageLedgerTests
{
    [Fact]
    public void Goods_fit_from_the_moment_enough_have_left()
    {
        var ledger = new StorageLedger(1_000);
        ledger.Release(100, 800);
        ledger.Leave(300, 300);
        ledger.Leave(500, 500);

        Assert.Equal(800, ledger.HeldAt(200));
        Assert.Equal(500, ledger.HeldAt(300));
        Assert.Equal(150, ledger.EarliestRoomFor(200, 150));
        Assert.Equal(300, ledger.EarliestRoomFor(500, 150));
        Assert.Equal(500, ledger.EarliestRoomFor(600, 150));
    }

    [Fact]
    public void Goods_that_never_leave_keep_the_room_all_day()
    {
        var ledger = new StorageLedger(1_000);
        ledger.Release(100, 900);

        Assert.Null(ledger.EarliestRoomFor(200, 200));
        Assert.Equal(200, ledger.EarliestRoomFor(100, 200));
    }

    [Fact]
    public void A_release_before_an_earlier_query_moment_is_refused()
    {
        var ledger = new StorageLedger(1_000);
        ledger.Release(500, 100);

        Assert.Throws<InvalidOperationException>(() => ledger.EarliestRoomFor(100, 200));
    }
}
