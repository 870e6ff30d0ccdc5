using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Endpoints;

/// <summary>Checks shared by agent and queue routes: well-formed ids, and an agent key only on its own agent.</summary>
public static class RouteChecks
{
    /// <summary>Null when the caller may use <paramref name="agentId"/>; otherwise the problem to return.</summary>
    public static ProblemHttpResult? Agent(Caller caller, string agentId)
    {
        if (!Identifiers.IsValidId(agentId))
        {
            return ApiProblems.BadRequest(
                $"'{Printable(agentId)}' is not a valid agent id: use 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }

        return caller.MayAccessAgent(agentId)
            ? null
            : ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may not access agent '{agentId}'.");
    }

    /// <summary>Null when <paramref name="queueId"/> is a well-formed queue id; otherwise the problem to return.</summary>
    public static ProblemHttpResult? Queue(string queueId) =>
        Identifiers.IsValidId(queueId)
            ? null
            : ApiProblems.BadRequest(
                $"'{Printable(queueId)}' is not a valid queue id: use 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");

    /// <summary>An id made safe to echo back in a message.</summary>
    public static string Printable(string value)
    {
        var cut = value.Length > Identifiers.MaxIdLength ? value[..Identifiers.MaxIdLength] + "…" : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }
}
