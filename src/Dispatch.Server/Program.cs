using Dispatch.Server.Hosting;

DispatchServer.Build(args).Run();

/// <summary>Entry point; public so in-process tests can host it with WebApplicationFactory.</summary>
public partial class Program;
