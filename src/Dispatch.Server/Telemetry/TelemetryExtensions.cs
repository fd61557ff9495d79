using Grpc.AspNetCore.Server;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dispatch.Server.Telemetry;

/// <summary>The telemetry wiring: one call on the builder, one on the app (<see cref="Hosting.DispatchServer"/>).</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Counts refused calls and open streams always; with <c>Telemetry:Prometheus:Enabled</c> or
    /// <c>Telemetry:Otlp:Enabled</c>, exports the server's meters and activities and ASP.NET Core's.
    /// </summary>
    public static WebApplicationBuilder AddDispatchTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IStartupFilter, RefusedCallCounting>();
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<StreamCounting>());
        if (!options.Prometheus.Enabled && !options.Otlp.Enabled)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DispatchTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    // Every scrape sees the latest counts: the exporter would otherwise answer from a cache.
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (options.Otlp.Enabled)
                {
                    metrics.AddOtlpExporter(o => Configure(o, options.Otlp));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(DispatchTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Otlp.Enabled)
                {
                    tracing.AddOtlpExporter(o => Configure(o, options.Otlp));
                }
            });
        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is switched on.</summary>
    public static WebApplication MapDispatchTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.Prometheus.Enabled)
        {
            // Scrapers carry no API key; the figures hold no order or person. Expose the path on an internal network only.
            app.MapPrometheusScrapingEndpoint(options.Prometheus.Path).AllowAnonymous();
        }

        return app;
    }

    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions.OtlpOptions otlp)
    {
        if (!string.IsNullOrWhiteSpace(otlp.Endpoint))
        {
            exporter.Endpoint = new Uri(otlp.Endpoint);
        }

        exporter.Protocol = otlp.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }
}
