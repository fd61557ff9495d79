namespace Dispatch.Server.Hosting;

/// <summary>Settings under "Web": the browser endpoint (gRPC-Web and the phone app's files) beside the gRPC one.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Serve the browser endpoint; default true. False leaves only the HTTP/2 gRPC endpoint(s) of <c>urls</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where browsers connect (HTTP/1.1 and HTTP/2; https ones use the server's certificate), ';'-separated.
    /// Unset: beside each gRPC url, same scheme and host, the next port (port 0 stays 0), so the default
    /// <c>http://127.0.0.1:5080</c> gives <c>http://127.0.0.1:5081</c>.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>
    /// Origins other than the server itself whose pages may call gRPC-Web (CORS), e.g. <c>https://dispatch.example.org</c>.
    /// Default none: the app is served by the same endpoint, which needs no CORS.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Folder of the published app (index.html, _framework/); default <c>webclient</c> beside the server's assembly.</summary>
    public string? Root { get; set; }
}
