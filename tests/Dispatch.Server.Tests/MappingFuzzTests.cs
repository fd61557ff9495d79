using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Errors;
using Dispatch.Server.Mapping;
using Dispatch.Server.Tests.Infrastructure;
using Google.Protobuf;

namespace Dispatch.Server.Tests;

/// <summary>
/// Seeded fuzzing of proto -> domain mapping and validation, bounded to a fixed number of cases so it runs in CI.
/// Documented outcomes only: parsing may throw InvalidProtocolBufferException, mapping and validation never throw,
/// and page tokens either decode or throw InvalidRequestException.
/// </summary>
public sealed class MappingFuzzTests
{
    private const int Cases = 2_000;
    private static readonly OrderBatchValidator s_validator = new(new ScenarioIndex(TinyDistrict.Create()), new IntakeLimits(MaxOrdersPerBatch: 50));

    private static readonly string[] s_ids =
    [
        "SM1", "SM2", "L1", "L1-A", "L1-B", "H-L1-A-1", "H-L1-B-5", "B-1", "O-1", "", " ", "\0", "'; DROP TABLE orders;--",
        "订单🚚", "\u202Eevil", new string('x', 64), new string('x', 65), new string('é', 300), "\uD800",
    ];

    private static readonly int[] s_numbers = [0, 1, -1, 2, 20, 21, 366, 367, int.MaxValue, int.MinValue];

    [Fact]
    public void Random_bytes_either_fail_to_parse_or_map_and_validate_without_throwing()
    {
        var random = new Random(20260408);
        int parsed = 0;
        for (int i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 256)];
            random.NextBytes(bytes);
            parsed += MapAndValidate(bytes) ? 1 : 0;
        }

        // Some random inputs happen to be valid protobuf; the harness must reach mapping, not only the parser.
        Assert.InRange(parsed, 1, Cases);
    }

    [Fact]
    public void Valid_batches_with_flipped_bytes_either_fail_to_parse_or_map_and_validate_without_throwing()
    {
        var random = new Random(7);
        byte[] valid = Batches.Valid("B-1", count: 5).ToByteArray();
        for (int i = 0; i < Cases; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (int flips = random.Next(1, 6); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            MapAndValidate(bytes);
        }
    }

    [Fact]
    public void Random_valid_shape_batches_map_and_validate_with_every_order_accounted_for()
    {
        var random = new Random(42);
        for (int i = 0; i < Cases; i++)
        {
            var batch = new Contracts.V1.OrderBatch
            {
                SupermarketId = Pick(random, s_ids),
                BatchId = Pick(random, s_ids),
                GridId = random.Next(3) == 0 ? Pick(random, s_ids) : "L1-A",
                Day = random.Next(3) == 0 ? Pick(random, s_numbers) : 1,
            };
            if (random.Next(2) == 0)
            {
                batch.SupermarketId = "SM1";
                batch.BatchId = $"B-{i}";
            }

            for (int o = random.Next(0, 60); o > 0; o--)
            {
                var order = new OrderInput
                {
                    OrderId = random.Next(4) == 0 ? Pick(random, s_ids) : $"O-{random.Next(40)}",
                    HouseholdId = random.Next(4) == 0 ? Pick(random, s_ids) : $"H-L1-A-{random.Next(1, 6)}",
                };
                for (int l = random.Next(0, 6); l > 0; l--)
                {
                    order.Lines.Add(new BundleLine { Kind = (Contracts.V1.BundleKind)random.Next(-2, 7), Quantity = random.Next(3) == 0 ? Pick(random, s_numbers) : random.Next(1, 5) });
                }

                batch.Orders.Add(order);
            }

            var validation = s_validator.Validate(IntakeMapping.ToDomain(batch));

            if (validation.IsRefusedWhole)
            {
                Assert.Empty(validation.Accepted);
                Assert.All(validation.BatchViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
                continue;
            }

            Assert.Equal(batch.Orders.Count, validation.Accepted.Count + validation.Rejected.Count);
            Assert.Equal(validation.Accepted.Count, validation.Accepted.Select(a => a.OrderId).Distinct(StringComparer.Ordinal).Count());
            Assert.All(validation.Rejected, r => Assert.StartsWith($"orders[{r.Index}]", r.Field));
            Assert.All(validation.Accepted, a => Assert.InRange(a.Bundles.Vegetable + a.Bundles.MeatAndVegetable + a.Bundles.RiceAndFlour + a.Bundles.Medicine, 1, int.MaxValue));
        }
    }

    [Fact]
    public void Random_page_tokens_decode_or_are_invalid_request()
    {
        var random = new Random(99);
        for (int i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            string token = random.Next(3) switch
            {
                0 => Convert.ToBase64String(bytes),
                1 => System.Text.Encoding.Latin1.GetString(bytes),
                _ => PageToken.Encode(Pick(random, s_ids)) + (random.Next(2) == 0 ? "" : Pick(random, s_ids)),
            };

            try
            {
                PageToken.Decode(token);
            }
            catch (InvalidRequestException e)
            {
                Assert.Equal("page_token", Assert.Single(e.Violations).Field);
            }
        }
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static bool MapAndValidate(byte[] bytes)
    {
        Contracts.V1.OrderBatch batch;
        try
        {
            batch = Contracts.V1.OrderBatch.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }

        s_validator.Validate(IntakeMapping.ToDomain(batch));
        return true;
    }
}
