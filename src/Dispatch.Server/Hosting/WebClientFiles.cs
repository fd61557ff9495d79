using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Server.Hosting;

/// <summary>
/// Serves the published phone app: its files, the build's brotli or gzip copy when the browser takes it (the
/// download is about a third), and index.html for the app's own paths (/volunteer, /household/..., /board).
/// Fingerprinted framework files are cached for good; the rest is checked each time, so a new build is picked up.
/// </summary>
public sealed partial class WebClientFiles : IMiddleware
{
    public const string DefaultFolder = "webclient";
    private const string IndexFile = "index.html";
    private readonly PhysicalFileProvider? _files;
    private readonly FileExtensionContentTypeProvider _types = new();

    public WebClientFiles(string root, ILogger<WebClientFiles> logger)
    {
        if (File.Exists(Path.Combine(root, IndexFile)))
        {
            _files = new PhysicalFileProvider(root);
        }
        else
        {
            LogAppMissing(logger, root);
        }

        _types.Mappings[".wasm"] = "application/wasm";
        _types.Mappings[".dat"] = "application/octet-stream";
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_files is null || context.GetEndpoint() is not null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }

        string path = context.Request.Path.Value ?? "/";
        var file = _files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            // An app path (no extension) gets the app; a missing file stays missing.
            if (Path.HasExtension(path))
            {
                await next(context);
                return;
            }

            path = "/" + IndexFile;
            file = _files.GetFileInfo(path);
        }

        if (!_types.TryGetContentType(path, out string? contentType))
        {
            contentType = "application/octet-stream";
        }

        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = IsFingerprinted(path) ? "public, max-age=31536000, immutable" : "no-cache";
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            var compressed = _files.GetFileInfo(path + suffix);
            if (accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) && compressed.Exists)
            {
                response.Headers.ContentEncoding = encoding;
                file = compressed;
                break;
            }
        }

        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await response.SendFileAsync(file, context.RequestAborted);
    }

    // The build names framework files by content hash ("System.Linq.vpivlmnanx.wasm", "dotnet.jwle0h5z82.js");
    // a name that only might be one (no digit) is revalidated rather than cached wrongly for a year.
    private static bool IsFingerprinted(string path)
    {
        string name = Path.GetFileName(path);
        var parts = name.Split('.');
        return path.StartsWith("/_framework/", StringComparison.Ordinal) && parts.Length >= 3
            && parts[^2].Length == 10 && parts[^2].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)) && parts[^2].Any(char.IsAsciiDigit);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "No phone app in {Root} (index.html missing): the browser endpoint serves gRPC-Web only. Build src/Dispatch.Server to publish it there")]
    private static partial void LogAppMissing(ILogger logger, string root);
}
