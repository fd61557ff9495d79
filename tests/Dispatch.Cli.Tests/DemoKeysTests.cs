using System.Text.Json;
using Dispatch.Cli.Commands;
using Dispatch.Server.Auth;
using Dispatch.Server.Hosting;

namespace Dispatch.Cli.Tests;

/// <summary>The demo's keys are exactly the published ones the server refuses outside Development, with the development confirmation key.</summary>
public sealed class DemoKeysTests
{
    [Fact]
    public void The_demo_commands_keys_are_the_published_demo_keys_and_its_confirmation_key_the_development_one()
    {
        var settings = DemoCommand.Settings().ToDictionary(s => s.Key, s => s.Value);

        var keys = JsonSerializer.Deserialize<List<ApiKeyOptions>>(settings["Auth:KeysJson"]!)!;

        Assert.Equal(7, keys.Count);
        Assert.All(keys, k => Assert.True(DemoKeys.IsDemo(k.KeyHash), $"{k.Role} {k.SubjectId} is not a known demo key"));
        Assert.Contains(keys, k => k.KeyHash == ApiKeyDirectory.Hash("demo-key-admin") && k.Role == "admin");
        Assert.Equal(LiveOptions.DevelopmentConfirmationKey, settings["Live:ConfirmationKey"]);
    }
}
