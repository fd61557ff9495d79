using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.Server.Hosting;

/// <summary>
/// Binds every gRPC service the way grpc-dotnet's own binder does (the generated BindService, the service's methods
/// and attributes), but with request deserializers that answer a message that does not parse with INVALID_ARGUMENT
/// and one warning line without a stack. grpc-dotnet deserializes a unary request before any interceptor runs and
/// would answer UNKNOWN with an error-level stack trace.
/// </summary>
public sealed partial class StrictParsingMethodProvider<TService>(ILogger<StrictParsingMethodProvider<TService>> logger) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (FindBindMethod(typeof(TService)) is { } bind)
        {
            bind.Invoke(null, [new Binder(context, bind.GetParameters()[1].ParameterType, logger), null]);
        }
    }

    // The generated service base carries [BindServiceMethod(typeof(Outer), "BindService")].
    private static MethodInfo? FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute)
            {
                return attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type]);
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Request to {Method} does not parse as {MessageType}: {Reason}")]
    private static partial void LogUnparsable(ILogger logger, string method, string messageType, string reason);

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase, ILogger logger) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Strict(method), Metadata(method.Name, out var handlerMethod), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Strict(method), Metadata(method.Name, out var handlerMethod), Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Strict(method), Metadata(method.Name, out var handlerMethod), Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Strict(method), Metadata(method.Name, out var handlerMethod), Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        private Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class
        {
            var inner = method.RequestMarshaller.ContextualDeserializer;
            var requests = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, payload =>
            {
                try
                {
                    return inner(payload);
                }
                catch (InvalidProtocolBufferException e)
                {
                    LogUnparsable(logger, method.FullName, typeof(TRequest).Name, e.Message);
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"the request is not a valid {typeof(TRequest).Name} message"));
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
        }

        // As grpc-dotnet: the service's override of the generated base method (or the base's UNIMPLEMENTED one),
        // with the type's then the method's attributes ([Authorize], ...), then "POST only".
        private List<object> Metadata(string name, out MethodInfo handlerMethod)
        {
            handlerMethod = typeof(TService).GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == name && m.GetBaseDefinition().DeclaringType == serviceBase)
                .OrderByDescending(m => Depth(m.DeclaringType!))
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handlerMethod.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return metadata;
        }

        private static TDelegate Invoker<TDelegate>(MethodInfo handlerMethod)
            where TDelegate : Delegate => (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handlerMethod);

        private static int Depth(Type type)
        {
            int depth = 0;
            for (var t = type; t is not null; t = t.BaseType)
            {
                depth++;
            }

            return depth;
        }
    }
}

/// <summary>Registers <see cref="StrictParsingMethodProvider{TService}"/>.</summary>
public static class StrictParsing
{
    /// <summary>Replaces grpc-dotnet's binder provider with <see cref="StrictParsingMethodProvider{TService}"/>; call after every AddGrpc* (they register it).</summary>
    public static void UseStrictMessageParsing(this IServiceCollection services)
    {
        var binder = services.SingleOrDefault(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1")
            ?? throw new InvalidOperationException("grpc-dotnet's BinderServiceMethodProvider is not registered (call AddGrpc first, or grpc-dotnet changed): unparsable requests would be UNKNOWN");
        services.Remove(binder);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(StrictParsingMethodProvider<>)));
    }
}
