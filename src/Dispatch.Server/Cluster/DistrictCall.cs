using System.Data.Common;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Server.Cluster;

/// <summary>
/// A call to a district's grain from the silo's endpoint: the answer message, the district's refusal as the call's
/// status, or UNAVAILABLE while the district is moving to another silo (its silo was lost), so clients retry.
/// </summary>
public static class DistrictCall
{
    public static async Task<T> SendAsync<T>(string districtId, Func<Task<GrainAnswer>> call, MessageParser<T> parser)
        where T : IMessage<T> =>
        Read(await Reach(districtId, call), parser);

    /// <summary>Calls the grain; a lost silo or a district still starting elsewhere becomes UNAVAILABLE.</summary>
    public static async Task<TAnswer> Reach<TAnswer>(string districtId, Func<Task<TAnswer>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"district {districtId} is moving to another silo; retry in a few seconds"));
        }
        catch (Exception e) when (e is DbException || e.InnerException is DbException)
        {
            // The district's database refused or dropped the work (too many connections, a failover): nothing was acknowledged.
            throw new RpcException(new Status(StatusCode.Unavailable, $"district {districtId} cannot reach its database; retry in a few seconds"));
        }
    }

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
