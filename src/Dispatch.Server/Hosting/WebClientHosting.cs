using System.Net;
using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dispatch.Server.Hosting;

/// <summary>
/// The browser side of the server: an HTTP/1.1 + HTTP/2 endpoint beside each HTTP/2-only gRPC one, where the same
/// services answer gRPC-Web (same keys, same roles: no second API) and the phone app's files are served.
/// </summary>
public static partial class WebClientHosting
{
    /// <summary>Adds the browser endpoint, gRPC-Web and the app's files (per <see cref="WebOptions"/>): the one wiring call.</summary>
    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerEndpoints>();
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        if (!web.Enabled)
        {
            return;
        }

        // Kestrel binds either the urls setting or endpoints given in code, never both: take the gRPC urls over as
        // code endpoints (HTTP/2 only, as before) and add the browser ones. Endpoints added through the
        // configuration loader are bound after it has loaded Kestrel:Certificates:Default, which https ones use.
        var grpcUrls = SplitUrls(builder.Configuration[WebHostDefaults.ServerUrlsKey]);
        var webUrls = web.Urls is { Length: > 0 } ? SplitUrls(web.Urls) : grpcUrls.Select(NextPort).ToList();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var endpoints = kestrel.ApplicationServices.GetRequiredService<ServerEndpoints>();
            var loader = kestrel.Configure(context.Configuration.GetSection("Kestrel"), reloadOnChange: false);
            foreach (var url in grpcUrls)
            {
                Listen(loader, url, HttpProtocols.Http2, endpoints.AddGrpc);
            }

            foreach (var url in webUrls)
            {
                // Browsers speak HTTP/2 only over TLS (ALPN); on plain http Kestrel would warn and fall back to 1.1 anyway.
                Listen(loader, url, IsHttps(url) ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1, endpoints.AddWeb);
            }
        });

        if (web.AllowedOrigins.Length > 0)
        {
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins(web.AllowedOrigins)
                .WithMethods("POST", "OPTIONS")
                .AllowAnyHeader()
                .WithExposedHeaders("grpc-status", "grpc-message", "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding")));
        }

        string root = web.Root is { Length: > 0 } ? Path.GetFullPath(web.Root) : Path.Combine(AppContext.BaseDirectory, WebClientFiles.DefaultFolder);
        builder.Services.AddSingleton(sp => new WebClientFiles(root, sp.GetRequiredService<ILogger<WebClientFiles>>()));
        builder.Services.AddSingleton<IStartupFilter>(new BrowserPipeline(web.AllowedOrigins.Length > 0));
    }

    private static List<BindingAddress> SplitUrls(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(BindingAddress.Parse).ToList();

    private static BindingAddress NextPort(BindingAddress grpc) =>
        BindingAddress.Parse($"{grpc.Scheme}://{grpc.Host}:{(grpc.Port == 0 ? 0 : grpc.Port + 1)}");

    private static bool IsHttps(BindingAddress url) => string.Equals(url.Scheme, "https", StringComparison.OrdinalIgnoreCase);

    private static void Listen(KestrelConfigurationLoader loader, BindingAddress url, HttpProtocols protocols, Action<ListenOptions, string, string> record)
    {
        void Configure(ListenOptions options)
        {
            options.Protocols = protocols;
            if (IsHttps(url))
            {
                options.UseHttps();
            }

            record(options, url.Scheme, url.Host);
        }

        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            loader.LocalhostEndpoint(url.Port, Configure);
        }
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            loader.Endpoint(address, url.Port, Configure);
        }
        else
        {
            // "*", "+" or a host name: every interface, as Kestrel does for urls.
            loader.AnyIPEndpoint(url.Port, Configure);
        }
    }

    /// <summary>Runs before routing: CORS when origins are configured, gRPC-Web for every service, then the app's files.</summary>
    private sealed class BrowserPipeline(bool cors) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // The host has copied the urls setting into the server's addresses by now; the endpoints above replace
            // them, so clear them here rather than have Kestrel warn that it overrides them.
            app.ServerFeatures.Get<IServerAddressesFeature>()?.Addresses.Clear();
            if (cors)
            {
                app.UseCors();
            }

            app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
            next(app);
        };
    }

    /// <summary>
    /// The app's files, after routing: a path that a real endpoint answers (the metrics scrape, gRPC methods) is
    /// never shadowed by the app's index.html.
    /// </summary>
    public static void UseAppFiles(WebApplication app)
    {
        if (app.Services.GetService<WebClientFiles>() is not null)
        {
            app.UseMiddleware<WebClientFiles>();
        }
    }
}
