namespace Dispatch.Server.Hosting;

/// <summary>The configuration cannot be served safely or at all; the message says what to set. The server does not start.</summary>
public sealed class ServerConfigurationException(string message) : InvalidOperationException(message);
