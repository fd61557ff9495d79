using Dispatch.Server.Auth;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Server.Tests;

public sealed class ApiKeyDirectoryTests
{
    private static AuthOptions With(params ApiKeyOptions[] keys) => new() { Keys = [.. keys] };

    [Fact]
    public void Key_is_found_by_its_hash_in_either_case_and_never_kept_in_clear()
    {
        var directory = new ApiKeyDirectory(With(new ApiKeyOptions { KeyHash = ApiKeyDirectory.Hash("secret").ToUpperInvariant(), Role = "supermarket", SubjectId = "SM1" }));

        var caller = directory.Find("secret");

        Assert.Equal(new Caller(CallerRole.Supermarket, "SM1", ApiKeyDirectory.Hash("secret")[..12]), caller);
        Assert.Null(directory.Find("Secret"));
        Assert.Equal("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b", ApiKeyDirectory.Hash("secret"));
    }

    [Theory]
    [InlineData("not-hex", "supermarket", "SM1", "KeyHash")]
    [InlineData(null, "courier", "SM1", "Role")]
    [InlineData(null, "supermarket", "", "SubjectId")]
    [InlineData(null, "volunteer", " ", "SubjectId")]
    public void Bad_key_entry_stops_the_server_at_start_naming_the_setting(string? hash, string role, string subject, string setting)
    {
        var options = With(new ApiKeyOptions { KeyHash = hash ?? ApiKeyDirectory.Hash("k"), Role = role, SubjectId = subject });

        var error = Assert.Throws<Dispatch.Server.Hosting.ServerConfigurationException>(() => new ApiKeyDirectory(options));

        Assert.Contains($"Auth:Keys:0:{setting}", error.Message);
    }

    [Fact]
    public void Enabled_auth_without_keys_and_a_hash_configured_twice_stop_the_server()
    {
        var twice = new ApiKeyOptions { KeyHash = ApiKeyDirectory.Hash("k"), Role = "admin" };

        Assert.Throws<Dispatch.Server.Hosting.ServerConfigurationException>(() => new ApiKeyDirectory(With()));
        Assert.Throws<Dispatch.Server.Hosting.ServerConfigurationException>(() => new ApiKeyDirectory(With(twice, twice)));
        _ = new ApiKeyDirectory(new AuthOptions { Enabled = false });
    }

    [Theory]
    [InlineData("x-api-key", "k1", "k1")]
    [InlineData("authorization", "Bearer k2", "k2")]
    [InlineData("authorization", "bearer  k3 ", "k3")]
    [InlineData("authorization", "Basic abc", null)]
    [InlineData("other", "k", null)]
    public void Presented_key_comes_from_x_api_key_or_a_bearer_token(string header, string value, string? expected)
    {
        Assert.Equal(expected, ApiKeyAuthenticationHandler.PresentedKey(new HeaderDictionary { [header] = value }));
    }

    [Theory]
    [InlineData("/dispatch.v1.OrderIntake/SubmitBatch", CallerRole.Supermarket, true)]
    [InlineData("/dispatch.v1.OrderIntake/SubmitBatch", CallerRole.Planner, false)]
    [InlineData("/dispatch.v1.OrderIntake/ListOrders", CallerRole.Planner, true)]
    [InlineData("/dispatch.v1.OrderIntake/ListOrders", CallerRole.Volunteer, false)]
    [InlineData("/dispatch.v1.OrderIntake/GetOrder", CallerRole.TruckDriver, false)]
    [InlineData("/dispatch.v1.Unlisted/Anything", CallerRole.Admin, false)]
    public void Service_access_is_a_table_and_unlisted_services_are_denied(string method, CallerRole role, bool allowed)
    {
        Assert.Equal(allowed, ServiceAccess.Allows(method, role));
        Assert.False(ServiceAccess.IsOpen(method));
        Assert.True(ServiceAccess.IsOpen("/grpc.health.v1.Health/Check"));
    }
}
