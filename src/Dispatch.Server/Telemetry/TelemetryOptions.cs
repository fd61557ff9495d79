namespace Dispatch.Server.Telemetry;

/// <summary>Settings under "Telemetry": where the server's metrics and traces go. Both exporters are off by default.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Name the server reports as (the OpenTelemetry <c>service.name</c>); default <c>dispatch-server</c>.</summary>
    public string ServiceName { get; set; } = "dispatch-server";

    public PrometheusOptions Prometheus { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>A scrape endpoint for Prometheus on the server's own listening addresses.</summary>
    public sealed class PrometheusOptions
    {
        /// <summary>Serve the scrape endpoint; default false (<c>Telemetry__Prometheus__Enabled=true</c>).</summary>
        public bool Enabled { get; set; }

        /// <summary>Its path; default <c>/metrics</c>.</summary>
        public string Path { get; set; } = "/metrics";
    }

    /// <summary>Metrics and traces pushed to an OpenTelemetry collector over OTLP.</summary>
    public sealed class OtlpOptions
    {
        /// <summary>Push metrics and traces; default false (<c>Telemetry__Otlp__Enabled=true</c>).</summary>
        public bool Enabled { get; set; }

        /// <summary>The collector; unset: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else <c>http://localhost:4317</c>.</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
        public string Protocol { get; set; } = "grpc";
    }
}
