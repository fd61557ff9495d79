using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Hosting;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>The server on a real loopback port with Kestrel's standard certificate settings serves gRPC over TLS.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private const string Password = "test-only";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));
    private X509Certificate2 _certificate = null!;
    private WebApplication _app = null!;
    private string _address = "";

    public async Task InitializeAsync()
    {
        ScenarioFiles.Save(TinyDistrict.Create(), Path.Combine(_folder, "scenario"));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        string pfx = Path.Combine(_folder, "server.pfx");
        await File.WriteAllBytesAsync(pfx, _certificate.Export(X509ContentType.Pfx, Password));

        var settings = new List<string>
        {
            "--urls=https://127.0.0.1:0", $"--Storage:DatabasePath={Path.Combine(_folder, "dispatch.db")}", $"--Scenario:Path={Path.Combine(_folder, "scenario")}",
            $"--{DispatchServer.CertificatePathSetting}={pfx}", $"--Kestrel:Certificates:Default:Password={Password}", "--Logging:LogLevel:Default=Warning",
        };
        settings.AddRange(TestKeys.Settings().Select(s => $"--{s.Key}={s.Value}"));
        _app = DispatchServer.Build([.. settings]);
        await _app.StartAsync();
        _address = _app.Services.GetRequiredService<ServerEndpoints>().Grpc.Single();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Configured_certificate_serves_grpc_over_https_with_http2()
    {
        // Trust exactly the certificate the test made, nothing else.
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString(),
            },
        };
        using var channel = GrpcChannel.ForAddress(_address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
        var client = new OrderIntake.OrderIntakeClient(channel.Intercept(h =>
        {
            h.Add("x-api-key", TestKeys.Sm1);
            return h;
        }));

        var result = await client.SubmitBatchAsync(Batches.Valid("B-tls"), deadline: Deadlines.Soon);

        Assert.StartsWith("https://127.0.0.1:", _address);
        Assert.Equal(3, result.AcceptedCount);
    }
}
