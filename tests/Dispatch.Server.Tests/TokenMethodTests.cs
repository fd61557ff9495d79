using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;

namespace Dispatch.Server.Tests;

/// <summary>Exactly the methods whose request carries a token open without a key; no other method of any service.</summary>
public sealed class TokenMethodTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor[] s_services =
    [
        OrderIntake.Descriptor, Contracts.V1.Planning.Descriptor, Volunteers.Descriptor, Supermarkets.Descriptor, Trucks.Descriptor, Households.Descriptor,
    ];

    [Fact]
    public void Only_redeeming_a_sign_in_link_and_a_household_watching_its_order_take_a_token_instead_of_a_key()
    {
        var takesToken = s_services.SelectMany(s => s.Methods).Select(m => $"/{m.Service.FullName}/{m.Name}").Where(ServiceAccess.TakesToken).ToList();

        Assert.Equal(["/dispatch.v1.Volunteers/RedeemSignInLink", "/dispatch.v1.Households/WatchOrder"], takesToken);
    }
}
