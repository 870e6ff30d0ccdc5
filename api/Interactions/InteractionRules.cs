using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Interactions;

/// <summary>Input rules of the interaction endpoints that need no grain: numbers, ids, targets, wrap-up codes and notes.</summary>
public static partial class InteractionRules
{
    public const int DefaultPriority = 5;
    public const int MaxPriority = 9;
    public const int MaxWrapUpCodes = 20;
    public const int MaxNotesLength = 2000;

    public const string NumberRule = "E.164: '+' then 8-15 digits";

    /// <summary>A phone number in E.164 as the brief has it: '+' and 8-15 digits, nothing else.</summary>
    public static bool IsValidNumber(string? value) => value is not null && NumberPattern().IsMatch(value);

    /// <summary>Adds an error when <paramref name="value"/> is given and is not a well-formed id.</summary>
    public static bool CheckId(ValidationErrors errors, string? value, string field, string what) =>
        value is null || errors.Check(Identifiers.IsValidId(value), field,
            $"{field} must be a valid {what} id: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");

    /// <summary>Adds an error when <paramref name="value"/> is given and is not an E.164 number.</summary>
    public static bool CheckNumber(ValidationErrors errors, string? value, string field) =>
        value is null || errors.Check(IsValidNumber(value), field, $"{field} must be a phone number in {NumberRule}.");

    /// <summary>
    /// The agent an action is taken as: an agent key is always its own agent (naming another is a 403); other keys
    /// name it in the body (422 without). Returns the problem to answer instead, or null with <paramref name="agentId"/> set.
    /// </summary>
    public static ProblemHttpResult? ResolveActor(Caller caller, string? bodyAgentId, ValidationErrors errors, out string agentId)
    {
        agentId = "";
        if (caller.Role == ApiKeyRole.Agent)
        {
            if (bodyAgentId is not null && !string.Equals(bodyAgentId, caller.AgentId, StringComparison.Ordinal))
            {
                return ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may not act as agent '{RouteIds.Printable(bodyAgentId)}'.");
            }

            agentId = caller.AgentId!;
            return null;
        }

        if (errors.Check(bodyAgentId is not null, "agentId", "agentId is required with an admin, supervisor or integration key: the agent who acts.")
            && CheckId(errors, bodyAgentId, "agentId", "agent"))
        {
            agentId = bodyAgentId!;
        }

        return null;
    }

    /// <summary>Checks a transfer or consult target's shape; the agent or queue it names is checked against the grains later.</summary>
    public static void CheckTarget(ValidationErrors errors, InteractionTargetRequest? target)
    {
        if (!errors.Check(target is not null, "target", "target is required: {\"type\":\"agent|queue\",\"id\":\"...\"} or {\"type\":\"external\",\"number\":\"+...\"}."))
        {
            return;
        }

        switch (target!.Type)
        {
            case null:
                errors.Add("target.type", "target.type is required: agent, queue or external.");
                break;
            case TargetKind.External:
                errors.Check(target.Number is not null, "target.number", $"target.number is required for an external target ({NumberRule}).");
                CheckNumber(errors, target.Number, "target.number");
                errors.Check(target.Id is null, "target.id", "target.id is only for agent and queue targets; an external target has a number.");
                break;
            default:
                var what = target.Type == TargetKind.Agent ? "agent" : "queue";
                errors.Check(target.Id is not null, "target.id", $"target.id is required for a{(what == "agent" ? "n" : "")} {what} target.");
                CheckId(errors, target.Id, "target.id", what);
                errors.Check(target.Number is null, "target.number", "target.number is only for external targets.");
                break;
        }
    }

    /// <summary>Codes: at most 20, each a well-formed code; whether the queue has them is the grain's rule.</summary>
    public static void CheckWrapUp(ValidationErrors errors, IReadOnlyList<string?>? codes, string? notes)
    {
        if (codes is not null)
        {
            errors.Check(codes.Count <= MaxWrapUpCodes, "transactionCodes", $"transactionCodes may list at most {MaxWrapUpCodes} codes.");
            for (var i = 0; i < codes.Count; i++)
            {
                errors.Check(Identifiers.IsValidCode(codes[i]), $"transactionCodes[{i}]",
                    $"Each transaction code is 1-{Identifiers.MaxCodeLength} of lower-case letters, digits, '.', '_' or '-'.");
            }
        }

        if (notes is not null)
        {
            // Notes are the one free text that may span lines; everything else that hides or reorders text is refused.
            var oneLine = notes.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
            errors.Check(Identifiers.IsValidText(oneLine, MaxNotesLength), "notes",
                $"notes must be 1-{MaxNotesLength} characters, not blank, without control characters other than line breaks and tabs.");
        }
    }

    /// <summary>Whether the agent is part of the interaction: has (had) a leg on it, is offered it, or has a wrap-up of it.</summary>
    public static bool Involves(InteractionView view, string agentId) =>
        view.Legs.Any(l => l.Party == PartyKind.Agent && string.Equals(l.Address, agentId, StringComparison.Ordinal))
        || string.Equals(view.Offer?.AgentId, agentId, StringComparison.Ordinal)
        || view.WrapUps.Any(w => string.Equals(w.AgentId, agentId, StringComparison.Ordinal));

    [GeneratedRegex(@"\A\+[0-9]{8,15}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
