using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Server.Cluster;

/// <summary>Reads a district grain's answer on the silo's endpoint: the message, or the refusal as the call's status.</summary>
public static class DistrictCall
{
    public static T Read<T>(GrainAnswer answer, MessageParser<T> parser)
        where T : IMessage<T>
    {
        if (answer.Refusal is { } refusal)
        {
            throw Google.Rpc.Status.Parser.ParseFrom(refusal).ToRpcException();
        }

        return parser.ParseFrom(answer.Message ?? throw new RpcException(new Status(StatusCode.Internal, "district answered nothing")));
    }
}
