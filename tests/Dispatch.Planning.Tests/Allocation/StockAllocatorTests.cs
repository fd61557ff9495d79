using Dispatch.Domain.Supply;
using Dispatch.Planning.Allocation;
using Dispatch.Planning.Checks;

namespace Dispatch.Planning.Tests.Allocation;

public sealed class StockAllocatorTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoAlternatives =
        new Dictionary<string, IReadOnlyList<string>> { ["g1"] = [], ["g2"] = [] };

    private static AllocationOrder Order(string id, BundleCounts bundles, bool vulnerable = false, string grid = "g1", string supermarket = "s1") =>
        new(id, "h-" + id, grid, bundles, vulnerable, supermarket);

    private static readonly BundleCounts OneMeat = new(1, 0, 0, 0);

    [Fact]
    public void Enough_stock_fills_every_order_from_the_assigned_supermarket()
    {
        var input = new AllocationInput(
            [Order("o1", new BundleCounts(1, 1, 0, 0)), Order("o2", new BundleCounts(0, 2, 1, 1))],
            [new SupermarketStock("s1", new BundleCounts(5, 5, 5, 5)), new SupermarketStock("s2", new BundleCounts(5, 5, 5, 5))],
            NoAlternatives);

        var result = new StockAllocator().Allocate(input);

        Assert.Empty(result.Unfilled);
        Assert.All(result.Filled, f => Assert.Equal("s1", f.SupermarketId));
        Assert.Equal(new BundleCounts(4, 2, 4, 4), result.Remaining[0].Bundles);
        Assert.Empty(AllocationChecks.Violations(input, result));
    }

    [Fact]
    public void Short_stock_fills_vulnerable_first_and_names_the_bundle_that_ran_out()
    {
        var input = new AllocationInput(
            [Order("o1", OneMeat), Order("o2", OneMeat, vulnerable: true)],
            [new SupermarketStock("s1", OneMeat)],
            NoAlternatives);

        var result = new StockAllocator().Allocate(input);

        var filled = Assert.Single(result.Filled);
        Assert.Equal("o2", filled.OrderId);
        var unfilled = Assert.Single(result.Unfilled);
        Assert.Equal("o1", unfilled.OrderId);
        Assert.Equal(UnfilledReason.OutOfStock, unfilled.Reason);
        Assert.Equal(BundleKind.MeatAndVegetable, unfilled.ShortKind);
        Assert.Empty(AllocationChecks.Violations(input, result));
    }

    [Fact]
    public void Assigned_supermarket_out_of_stock_falls_back_to_the_nearest_alternative()
    {
        var alternatives = new Dictionary<string, IReadOnlyList<string>> { ["g1"] = ["s3", "s2"] };
        var input = new AllocationInput(
            [Order("o1", OneMeat), Order("o2", OneMeat)],
            [new SupermarketStock("s1", OneMeat), new SupermarketStock("s2", OneMeat), new SupermarketStock("s3", OneMeat)],
            alternatives);

        var result = new StockAllocator().Allocate(input);

        Assert.Empty(result.Unfilled);
        Assert.Equal(("s1", true), (result.Filled[0].SupermarketId, result.Filled[0].FromAssignedSupermarket));
        Assert.Equal(("s3", false), (result.Filled[1].SupermarketId, result.Filled[1].FromAssignedSupermarket));
    }

    [Fact]
    public void Partly_fillable_order_is_not_filled_at_all()
    {
        var input = new AllocationInput(
            [Order("o1", new BundleCounts(1, 0, 2, 0))],
            [new SupermarketStock("s1", new BundleCounts(3, 3, 1, 3))],
            NoAlternatives);

        var result = new StockAllocator().Allocate(input);

        Assert.Empty(result.Filled);
        Assert.Equal(BundleKind.RiceAndFlour, Assert.Single(result.Unfilled).ShortKind);
        Assert.Equal(new BundleCounts(3, 3, 1, 3), result.Remaining[0].Bundles);
    }

    [Fact]
    public void Order_for_a_supermarket_without_stock_entry_is_reported()
    {
        var input = new AllocationInput([Order("o1", OneMeat, supermarket: "nowhere")], [], NoAlternatives);

        var result = new StockAllocator().Allocate(input);

        Assert.Equal(UnfilledReason.UnknownSupermarket, Assert.Single(result.Unfilled).Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_orders_never_exceed_stock_and_vulnerable_orders_are_never_beaten_by_others(int seed)
    {
        var random = new Random(seed);
        var stocks = Enumerable.Range(1, 3).Select(i => new SupermarketStock("s" + i, RandomCounts(random, 40))).ToList();
        var orders = Enumerable.Range(1, 200)
            .Select(i => Order("o" + i, RandomCounts(random, 2), random.Next(5) == 0, "g" + random.Next(1, 3), "s" + random.Next(1, 4)))
            .ToList();
        var input = new AllocationInput(orders, stocks, new Dictionary<string, IReadOnlyList<string>> { ["g1"] = ["s2", "s3"] });

        var first = new StockAllocator().Allocate(input);
        var second = new StockAllocator().Allocate(input);

        Assert.Empty(AllocationChecks.Violations(input, first));
        Assert.Equal(first.Filled, second.Filled);
        var unfilledIds = first.Unfilled.Select(u => u.OrderId).ToHashSet();
        Assert.NotEmpty(unfilledIds);
        var vulnerableFlags = first.Filled.Select(f => orders.Single(o => o.OrderId == f.OrderId).IsVulnerable).ToList();
        Assert.Equal(vulnerableFlags.OrderByDescending(v => v), vulnerableFlags);
    }

    private static BundleCounts RandomCounts(Random random, int max) =>
        new(random.Next(max + 1), random.Next(max + 1), random.Next(max + 1), random.Next(max + 1));
}
